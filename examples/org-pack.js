// An organisation rule pack for `cdk-sms assess plan.json --pack ./org-pack.js` (and `cdk-sms rules --pack`,
// `cdk-sms explain ORG-WIN2008 --pack`). A pack file is a CommonJS module whose module.exports is the pack
// (exports.pack = pack works too). The README's "Your organisation's rules" has its TypeScript twin, for a
// Migration's `rulePacks`.
const {
  OrganizationRulePack, OsFamily, OsName, PlanTarget, Severity, VmOs, fail, notApplicable, pass, unknown,
} = require('cdk-sms-migration');

const pack = new OrganizationRulePack({ name: 'Example Corp', targets: [PlanTarget.SMS, PlanTarget.MGN] });

const NOT_MIGRATED = 'Windows Server 2008 and 2008 R2 are not migrated';

// Our organisation does not migrate Windows Server 2008 (or 2008 R2), even where the service allows it.
pack.addVmRule({
  id: 'ORG-WIN2008',
  section: 'Example Corp policy',
  severity: Severity.ERROR,
  title: 'The VM does not run Windows Server 2008 or 2008 R2',
  explanation: 'Windows Server 2008 and 2008 R2 left extended support in January 2020: Example Corp rebuilds their workloads '
    + 'on a supported release instead of migrating them.',
  remediation: 'Move the workload to Windows Server 2019 or later on premises first, or rebuild it on AWS; take the VM out of the plan.',
  check(vm) {
    // The OS as the library's rules read it: os.family (or a recognised os.name), the name, the release.
    const family = VmOs.family(vm);
    if (family === undefined) {
      return unknown(`the OS is not recorded (os.family, os.name): ${NOT_MIGRATED}`);
    }
    if (family !== OsFamily.WINDOWS) {
      return notApplicable();
    }
    const name = VmOs.name(vm);
    if (name === undefined) {
      return unknown(`the Windows name is not recorded (os.name: windows-server or windows-client): ${NOT_MIGRATED}`);
    }
    if (name !== OsName.WINDOWS_SERVER) {
      return notApplicable();
    }
    const release = VmOs.windowsRelease(vm);
    if (release === undefined) {
      return unknown(`the Windows Server release is not recorded (os.version): ${NOT_MIGRATED}`);
    }
    if (release === '2008' || release === '2008r2') {
      return fail(`${VmOs.describe(vm)}: ${NOT_MIGRATED} (Example Corp policy)`);
    }
    return pass();
  },
});

// No exception to that policy: an acknowledgement of ORG-WIN2008's error is refused, as for the services' hard rules.
pack.makeUnacknowledgeable('ORG-WIN2008');

// Microsoft licences are audited: a Windows VM licensed BYOL without its attestation is an error, not a warning.
pack.raiseSeverity('SMS-LIC6', Severity.ERROR);
pack.raiseSeverity('MGN-LIC6', Severity.ERROR);

// Replicate every 6 hours unless the plan's defaults (or a VM) say otherwise.
pack.addDefaults({ replication: { frequencyHours: 6 } });

module.exports = pack;
