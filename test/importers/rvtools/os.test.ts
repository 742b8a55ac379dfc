import { Architecture, OsFamily } from '../../../lib/plan/model/plan';
import { guestIdFacts } from '../../../lib/importers/rvtools/guest-ids';
import { detailedDataFacts, parseDetailedData, vmOs } from '../../../lib/importers/rvtools/os';
import { labelFacts, labelGuestId, parseLabel } from '../../../lib/importers/rvtools/os-labels';

const X64 = Architecture.X86_64;
const X86 = Architecture.X86;
const W = OsFamily.WINDOWS;
const L = OsFamily.LINUX;
const O = OsFamily.OTHER;

/** The 210 guest ids of inventory-formats.md §14. */
const GUEST_IDS = `dosGuest win31Guest win95Guest win98Guest winMeGuest winNTGuest win2000ProGuest win2000ServGuest win2000AdvServGuest
winXPHomeGuest winXPProGuest winXPPro64Guest winNetWebGuest winNetStandardGuest winNetEnterpriseGuest winNetDatacenterGuest
winNetBusinessGuest winNetStandard64Guest winNetEnterprise64Guest winLonghornGuest winLonghorn64Guest winNetDatacenter64Guest
winVistaGuest winVista64Guest windows7Guest windows7_64Guest windows7Server64Guest windows8Guest windows8_64Guest
windows8Server64Guest windows9Guest windows9_64Guest windows9Server64Guest windows11_64Guest windows12_64Guest windowsHyperVGuest
windows2019srv_64Guest windows2019srvNext_64Guest windows2022srvNext_64Guest freebsdGuest freebsd64Guest freebsd11Guest
freebsd11_64Guest freebsd12Guest freebsd12_64Guest freebsd13Guest freebsd13_64Guest freebsd14Guest freebsd14_64Guest freebsd15Guest
freebsd15_64Guest redhatGuest rhel2Guest rhel3Guest rhel3_64Guest rhel4Guest rhel4_64Guest rhel5Guest rhel5_64Guest rhel6Guest
rhel6_64Guest rhel7Guest rhel7_64Guest rhel8_64Guest rhel9_64Guest rhel10_64Guest centosGuest centos64Guest centos6Guest
centos6_64Guest centos7Guest centos7_64Guest centos8_64Guest centos9_64Guest oracleLinuxGuest oracleLinux64Guest oracleLinux6Guest
oracleLinux6_64Guest oracleLinux7Guest oracleLinux7_64Guest oracleLinux8_64Guest oracleLinux9_64Guest oracleLinux10_64Guest suseGuest
suse64Guest slesGuest sles64Guest sles10Guest sles10_64Guest sles11Guest sles11_64Guest sles12Guest sles12_64Guest sles15_64Guest
sles16_64Guest nld9Guest oesGuest sjdsGuest mandrakeGuest mandrivaGuest mandriva64Guest turboLinuxGuest turboLinux64Guest ubuntuGuest
ubuntu64Guest debian4Guest debian4_64Guest debian5Guest debian5_64Guest debian6Guest debian6_64Guest debian7Guest debian7_64Guest
debian8Guest debian8_64Guest debian9Guest debian9_64Guest debian10Guest debian10_64Guest debian11Guest debian11_64Guest debian12Guest
debian12_64Guest debian13Guest debian13_64Guest asianux3Guest asianux3_64Guest asianux4Guest asianux4_64Guest asianux5_64Guest
asianux7_64Guest asianux8_64Guest asianux9_64Guest miraclelinux_64Guest pardus_64Guest opensuseGuest opensuse64Guest fedoraGuest
fedora64Guest coreos64Guest vmwarePhoton64Guest other24xLinuxGuest other26xLinuxGuest otherLinuxGuest other3xLinuxGuest
other4xLinuxGuest other5xLinuxGuest other6xLinuxGuest other7xLinuxGuest genericLinuxGuest other24xLinux64Guest other26xLinux64Guest
other3xLinux64Guest other4xLinux64Guest other5xLinux64Guest other6xLinux64Guest other7xLinux64Guest otherLinux64Guest solaris6Guest
solaris7Guest solaris8Guest solaris9Guest solaris10Guest solaris10_64Guest solaris11_64Guest fusionos_64Guest prolinux_64Guest
kylinlinux_64Guest os2Guest eComStationGuest eComStation2Guest netware4Guest netware5Guest netware6Guest openServer5Guest
openServer6Guest unixWare7Guest darwinGuest darwin64Guest darwin10Guest darwin10_64Guest darwin11Guest darwin11_64Guest
darwin12_64Guest darwin13_64Guest darwin14_64Guest darwin15_64Guest darwin16_64Guest darwin17_64Guest darwin18_64Guest
darwin19_64Guest darwin20_64Guest darwin21_64Guest darwin22_64Guest darwin23_64Guest vmkernelGuest vmkernel5Guest vmkernel6Guest
vmkernel65Guest vmkernel7Guest vmkernel8Guest vmkernel9Guest amazonlinux2_64Guest amazonlinux3_64Guest crxPod1Guest crxSys1Guest
rockylinux_64Guest almalinux_64Guest otherGuest otherGuest64`.split(/\s+/);

describe('guestIdFacts', () => {
  test('knows every guest id of the vSphere API (210)', () => {
    // WHEN
    const unknown = GUEST_IDS.filter((id) => guestIdFacts(id) === undefined);
    // THEN
    expect(GUEST_IDS).toHaveLength(210);
    expect(unknown).toEqual([]);
  });

  test('gives a family to every guest id but "Other", and x86_64 exactly to those marked 64', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    for (const id of GUEST_IDS) {
      const facts = guestIdFacts(id)!;
      if (!/^otherGuest/.test(id)) {
        expect([W, L, O]).toContain(facts.family);
      }
      if (!/^(vmkernel|crx)/.test(id)) {
        expect(facts.architecture).toBe(id.includes('64') ? X64 : X86);
      }
    }
  });

  test.each([
    ['rhel7_64Guest', { family: L, name: 'rhel', version: '7', architecture: X64 }],
    ['rhel6Guest', { family: L, name: 'rhel', version: '6', architecture: X86 }],
    ['windows7Server64Guest', { family: W, name: 'windows-server', version: '2008 R2', architecture: X64 }],
    ['winLonghorn64Guest', { family: W, name: 'windows-server', version: '2008', architecture: X64 }],
    ['windows2019srv_64Guest', { family: W, name: 'windows-server', version: '2019', architecture: X64 }],
    ['windows2019srvNext_64Guest', { family: W, name: 'windows-server', version: '2022', architecture: X64 }],
    ['windows9_64Guest', { family: W, name: 'windows-client', version: '10', architecture: X64 }],
    ['winXPProGuest', { family: W, name: 'windows-client', version: 'XP', edition: 'professional', architecture: X86 }],
    ['debian10_64Guest', { family: L, name: 'debian', version: '10', architecture: X64 }],
    ['oracleLinux7_64Guest', { family: L, name: 'oracle-linux', version: '7', architecture: X64 }],
    ['amazonlinux2_64Guest', { family: L, name: 'amazon-linux', version: '2', architecture: X64 }],
    ['freebsd13_64Guest', { family: O, name: 'freebsd', version: '13', architecture: X64 }],
    ['darwin19_64Guest', { family: O, name: 'macos', version: '10.15', architecture: X64 }],
    ['darwin20_64Guest', { family: O, name: 'macos', version: '11', architecture: X64 }],
    ['darwin64Guest', { family: O, name: 'macos', version: '10.5', architecture: X64 }],
    ['freebsd64Guest', { family: O, name: 'freebsd', architecture: X64 }],
    ['freebsd11Guest', { family: O, name: 'freebsd', version: '11', architecture: X86 }],
    ['oracleLinux64Guest', { family: L, name: 'oracle-linux', architecture: X64 }],
    ['other3xLinux64Guest', { family: L, architecture: X64 }],
    ['otherGuest64', { architecture: X64 }],
    // The families MGN adds, as the plan names them.
    ['rockylinux_64Guest', { family: L, name: 'rocky', architecture: X64 }],
    ['almalinux_64Guest', { family: L, name: 'almalinux', architecture: X64 }],
    ['amazonlinux3_64Guest', { family: L, name: 'amazon-linux', version: '2023', architecture: X64 }],
    ['centos9_64Guest', { family: L, name: 'centos-stream', version: '9', architecture: X64 }],
    ['centos8_64Guest', { family: L, name: 'centos', version: '8', architecture: X64 }],
    ['windows2022srvNext_64Guest', { family: W, name: 'windows-server', version: '2025', architecture: X64 }],
    ['windows11_64Guest', { family: W, name: 'windows-client', version: '11', architecture: X64 }],
  ])('%s', (id, facts) => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(guestIdFacts(id)).toEqual(facts);
  });

  test.each([
    ['windows8Server64Guest', '2012 or 2012 R2'],
    ['windows9Server64Guest', '2016, or a later release on older hosts'],
    ['winNetStandardGuest', '2003 or 2003 R2'],
    ['windows8_64Guest', 'Windows 8 or 8.1'],
    ['sles12_64Guest', 'any service pack of 12, and "12" would read as 12 without one'],
    ['centos64Guest', 'CentOS 4 or 5 or later'],
    ['vmkernel65Guest', 'ESXi 6.5 or 6.7'],
  ])('gives %s no version (%s)', (id) => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(guestIdFacts(id)!.version).toBeUndefined();
  });
});

describe('parseLabel', () => {
  test.each([
    ['Red Hat Enterprise Linux 7 (64-bit)', { base: 'Red Hat Enterprise Linux 7', architecture: X64, vague: false }],
    ['Microsoft Windows Server 2003 Standard (32-bit)', { base: 'Microsoft Windows Server 2003 Standard', architecture: X86, vague: false }],
    ['CentOS 4/5 or later (64-bit)', { base: 'CentOS 4/5 or later', architecture: X64, vague: true }],
    ['Oracle Linux 4/5/6/7 (64-bit)', { base: 'Oracle Linux 4/5/6/7', architecture: X64, vague: true }],
    ['Other 3.x or later Linux (64-bit)', { base: 'Other 3.x or later Linux', architecture: X64, vague: true }],
    ['FreeBSD Pre-11 versions (64-bit)', { base: 'FreeBSD Pre-11 versions', architecture: X64, vague: true }],
    ['  Ubuntu   Linux (64-bit) ', { base: 'Ubuntu Linux', architecture: X64, vague: false }],
    ['PanOS 10.1.9', { base: 'PanOS 10.1.9', vague: false }],
  ])('splits %s', (label, parsed) => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(parseLabel(label)).toEqual(parsed);
  });
});

describe('labelGuestId (inventory-formats.md §6.3)', () => {
  test.each([
    ['Microsoft Windows Server 2003 Standard (32-bit)', 'winNetStandardGuest'],
    ['Microsoft Windows Server 2003 Standard (64-bit)', 'winNetStandard64Guest'],
    ['Microsoft Windows Server 2008 (32-bit)', 'winLonghornGuest'],
    ['Microsoft Windows Server 2008 (64-bit)', 'winLonghorn64Guest'],
    ['Microsoft Windows Server 2008 R2 (64-bit)', 'windows7Server64Guest'],
    ['Microsoft Windows Server 2012 (64-bit)', 'windows8Server64Guest'],
    ['Microsoft Windows Server 2016 (64-bit)', 'windows9Server64Guest'],
    ['Microsoft Windows Server 2016 or later (64-bit)', 'windows9Server64Guest'],
    ['Microsoft Windows Server 2019 (64-bit)', 'windows2019srv_64Guest'],
    ['Microsoft Windows Server 2022 (64-bit)', 'windows2019srvNext_64Guest'],
    ['Microsoft Windows Server 2025 (64-bit)', 'windows2022srvNext_64Guest'],
    ['Microsoft Windows 7 (64-bit)', 'windows7_64Guest'],
    ['Microsoft Windows 10 (64-bit)', 'windows9_64Guest'],
    ['Microsoft Windows XP Professional (32-bit)', 'winXPProGuest'],
    ['Red Hat Enterprise Linux 7 (64-bit)', 'rhel7_64Guest'],
    ['Red Hat Enterprise Linux 6 (32-bit)', 'rhel6Guest'],
    ['CentOS 4/5 (64-bit)', 'centos64Guest'],
    ['CentOS 4/5 or later (64-bit)', 'centos64Guest'],
    ['CentOS 4/5/6 (64-bit)', 'centos64Guest'],
    ['CentOS 4/5/6/7 (64-bit)', 'centos64Guest'],
    ['CentOS 7 (64-bit)', 'centos7_64Guest'],
    ['Oracle Linux 4/5 (64-bit)', 'oracleLinux64Guest'],
    ['Oracle Linux 4/5/6/7 (64-bit)', 'oracleLinux64Guest'],
    ['Oracle Linux 8 (64-bit)', 'oracleLinux8_64Guest'],
    ['SUSE Linux Enterprise 12 (64-bit)', 'sles12_64Guest'],
    ['SUSE Linux Enterprise 8/9 (64-bit)', 'sles64Guest'],
    ['SUSE openSUSE (64-bit)', 'opensuse64Guest'],
    ['Ubuntu Linux (64-bit)', 'ubuntu64Guest'],
    ['Ubuntu Linux (32-bit)', 'ubuntuGuest'],
    ['Debian GNU/Linux 10 (64-bit)', 'debian10_64Guest'],
    ['Amazon Linux 2 (64-bit)', 'amazonlinux2_64Guest'],
    ['Red Hat Fedora (32-bit)', 'fedoraGuest'],
    ['VMware Photon OS (64-bit)', 'vmwarePhoton64Guest'],
    ['FreeBSD (64-bit)', 'freebsd64Guest'],
    ['FreeBSD Pre-11 versions (64-bit)', 'freebsd64Guest'],
    ['FreeBSD 13 or later versions (64-bit)', 'freebsd13_64Guest'],
    ['Oracle Solaris 10 (64-bit)', 'solaris10_64Guest'],
    ['Other 2.6.x Linux (64-bit)', 'other26xLinux64Guest'],
    ['Other 2.6.x Linux (32-bit)', 'other26xLinuxGuest'],
    ['Other 3.x or later Linux (64-bit)', 'other3xLinux64Guest'],
    ['Other 4.x Linux (64-bit)', 'other4xLinux64Guest'],
    ['Other 6.x or later Linux (64-bit)', 'other6xLinux64Guest'],
    ['Other Linux (64-bit)', 'otherLinux64Guest'],
    ['Other Linux (32-bit)', 'otherLinuxGuest'],
    ['Other (64-bit)', 'otherGuest64'],
    ['Other (32-bit)', 'otherGuest'],
    ['Microsoft Windows 11 (64-bit)', 'windows11_64Guest'],
    ['CentOS 9 (64-bit)', 'centos9_64Guest'],
    ['CentOS Stream 9 (64-bit)', 'centos9_64Guest'],
    ['CentOS Stream 8 (64-bit)', 'centos8_64Guest'],
    ['Rocky Linux (64-bit)', 'rockylinux_64Guest'],
    ['AlmaLinux (64-bit)', 'almalinux_64Guest'],
    ['Amazon Linux 3 (64-bit)', 'amazonlinux3_64Guest'],
  ])('%s is %s', (label, id) => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(labelGuestId(label)).toBe(id);
    expect(guestIdFacts(id)).toBeDefined();
  });

  test('knows no guest id for free text', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(labelGuestId('PanOS 10.1.9')).toBeUndefined();
  });
});

describe('labelFacts keeps only what is certain', () => {
  test.each([
    // A major release only: the minor stays unknown for the rules to report.
    ['Red Hat Enterprise Linux 7 (64-bit)', { family: L, name: 'rhel', version: '7', architecture: X64 }],
    ['CentOS 6 (64-bit)', { family: L, name: 'centos', version: '6', architecture: X64 }],
    ['Debian GNU/Linux 8 (64-bit)', { family: L, name: 'debian', version: '8', architecture: X64 }],
    ['Oracle Linux 7 (64-bit)', { family: L, name: 'oracle-linux', version: '7', architecture: X64 }],
    // A range or an open end: no version at all.
    ['CentOS 4/5/6/7 (64-bit)', { family: L, name: 'centos', architecture: X64 }],
    ['Oracle Linux 4/5/6/7 (64-bit)', { family: L, name: 'oracle-linux', architecture: X64 }],
    ['Microsoft Windows Server 2016 or later (64-bit)', { family: W, name: 'windows-server', architecture: X64 }],
    ['FreeBSD 13 or later versions (64-bit)', { family: O, name: 'freebsd', architecture: X64 }],
    ['FreeBSD Pre-11 versions (64-bit)', { family: O, name: 'freebsd', architecture: X64 }],
    // One label for two releases.
    ['Microsoft Windows Server 2012 (64-bit)', { family: W, name: 'windows-server', architecture: X64 }],
    // SLES: "12" would read as 12 without a service pack.
    ['SUSE Linux Enterprise 12 (64-bit)', { family: L, name: 'sles', architecture: X64 }],
    ['Ubuntu Linux (64-bit)', { family: L, name: 'ubuntu', architecture: X64 }],
    // What the label does say.
    ['Microsoft Windows Server 2016 (64-bit)', { family: W, name: 'windows-server', version: '2016', architecture: X64 }],
    ['Microsoft Windows Server 2008 R2 (64-bit)', { family: W, name: 'windows-server', version: '2008 R2', architecture: X64 }],
    ['Microsoft Windows Server 2008 (32-bit)', { family: W, name: 'windows-server', version: '2008', architecture: X86 }],
    ['Microsoft Windows Server 2003 Standard (32-bit)', { family: W, name: 'windows-server', edition: 'standard', architecture: X86 }],
    ['Microsoft Windows XP Professional (32-bit)', { family: W, name: 'windows-client', version: 'XP', edition: 'professional', architecture: X86 }],
    ['Microsoft Windows 10 (64-bit)', { family: W, name: 'windows-client', version: '10', architecture: X64 }],
    ['Other 3.x or later Linux (64-bit)', { family: L, architecture: X64 }],
    ['Other (64-bit)', { architecture: X64 }],
    // The families MGN adds.
    ['CentOS Stream 9 (64-bit)', { family: L, name: 'centos-stream', version: '9', architecture: X64 }],
    ['CentOS Stream 8 (64-bit)', { family: L, name: 'centos-stream', version: '8', architecture: X64 }],
    ['CentOS 9 (64-bit)', { family: L, name: 'centos-stream', version: '9', architecture: X64 }],
    ['CentOS 8 (64-bit)', { family: L, name: 'centos', version: '8', architecture: X64 }],
    ['Rocky Linux (64-bit)', { family: L, name: 'rocky', architecture: X64 }],
    ['Rocky Linux 9 (64-bit)', { family: L, name: 'rocky', version: '9', architecture: X64 }],
    ['AlmaLinux (64-bit)', { family: L, name: 'almalinux', architecture: X64 }],
    ['Amazon Linux 2 (64-bit)', { family: L, name: 'amazon-linux', version: '2', architecture: X64 }],
    ['Amazon Linux 2023 (64-bit)', { family: L, name: 'amazon-linux', version: '2023', architecture: X64 }],
    ['Amazon Linux 3 (64-bit)', { family: L, name: 'amazon-linux', version: '2023', architecture: X64 }],
    ['Microsoft Windows Server 2019 (64-bit)', { family: W, name: 'windows-server', version: '2019', architecture: X64 }],
    ['Microsoft Windows Server 2022 (64-bit)', { family: W, name: 'windows-server', version: '2022', architecture: X64 }],
    ['Microsoft Windows Server 2025 (64-bit)', { family: W, name: 'windows-server', version: '2025', architecture: X64 }],
    ['Microsoft Windows 11 (64-bit)', { family: W, name: 'windows-client', version: '11', architecture: X64 }],
  ])('%s', (label, facts) => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(labelFacts(label)).toEqual(expect.objectContaining({ facts, recognised: true }));
  });

  test('takes only the family and name of free text, never a version or architecture it does not state', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(labelFacts('CentOS Linux release 7.9.2009')).toEqual({ facts: { family: L, name: 'centos' }, recognised: false });
    expect(labelFacts('PanOS 10.1.9')).toEqual({ facts: {}, recognised: false });
    expect(labelFacts('Rocky Linux release 8.9 (Green Obsidian)')).toEqual({ facts: { family: L, name: 'rocky' }, recognised: false });
    expect(labelFacts('CentOS Stream release 9')).toEqual({ facts: { family: L, name: 'centos-stream' }, recognised: false });
    expect(labelFacts('Alma Linux 9.4')).toEqual({ facts: { family: L, name: 'almalinux' }, recognised: false });
  });

  test('reads the architecture only from the label\'s bitness', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(labelFacts('Red Hat Enterprise Linux 7').facts).toEqual({ family: L, name: 'rhel', version: '7' });
    expect(labelFacts('Microsoft Windows Server 2019 Datacenter').facts).toEqual({ family: W, name: 'windows-server', version: '2019', edition: 'datacenter' });
  });
});

describe('Guest Detailed Data', () => {
  test('parses key=\'value\' pairs', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(parseDetailedData("architecture='X86' bitness='64' distroName='Red Hat Enterprise Linux' distroVersion='8.10' prettyName='Red Hat Enterprise Linux 8.10 (Ootpa)'"))
      .toEqual({ architecture: 'X86', bitness: '64', distroName: 'Red Hat Enterprise Linux', distroVersion: '8.10', prettyName: 'Red Hat Enterprise Linux 8.10 (Ootpa)' });
  });

  test.each([
    ["architecture='X86' bitness='64' distroName='Red Hat Enterprise Linux' distroVersion='7.3' familyName='Linux' kernelVersion='3.10.0-514.el7.x86_64' "
      + "prettyName='Red Hat Enterprise Linux Server 7.3 (Maipo)'", { family: L, name: 'rhel', version: '7.3', architecture: X64, kernel: '3.10.0-514.el7.x86_64' }],
    ["architecture='X86' bitness='64' distroName='SLES' distroVersion='12.3' familyName='Linux' prettyName='SUSE Linux Enterprise Server 12 SP3'",
      { family: L, name: 'sles', version: '12.3', architecture: X64 }],
    ["architecture='X86' bitness='64' buildNumber='17763' distroName='Windows' distroVersion='10.0' familyName='Windows' "
      + "prettyName='Microsoft Windows Server 2019 Datacenter'", { family: W, name: 'windows-server', version: '2019', edition: 'datacenter', architecture: X64 }],
    ["architecture='X86' bitness='64' familyName='Windows' prettyName='Microsoft Windows 10 Pro'", { family: W, name: 'windows-client', version: '10', edition: 'professional', architecture: X64 }],
    ["architecture='Arm' bitness='64' distroName='Ubuntu' distroVersion='22.04' familyName='Linux'", { family: L, name: 'ubuntu', version: '22.04' }],
    ["architecture='X86' bitness='64' distroName='Rocky Linux' distroVersion='9.3' familyName='Linux' prettyName='Rocky Linux 9.3 (Blue Onyx)'",
      { family: L, name: 'rocky', version: '9.3', architecture: X64 }],
    ["architecture='X86' bitness='64' distroName='AlmaLinux' distroVersion='9.4' familyName='Linux' prettyName='AlmaLinux 9.4 (Seafoam Ocelot)'",
      { family: L, name: 'almalinux', version: '9.4', architecture: X64 }],
    ["architecture='X86' bitness='64' distroName='CentOS Stream' distroVersion='9' familyName='Linux' prettyName='CentOS Stream 9'",
      { family: L, name: 'centos-stream', version: '9', architecture: X64 }],
    ["architecture='X86' bitness='64' distroName='Amazon Linux' distroVersion='2023' familyName='Linux' prettyName='Amazon Linux 2023.5.20240624'",
      { family: L, name: 'amazon-linux', version: '2023', architecture: X64 }],
    ["architecture='X86' bitness='64' buildNumber='26100' familyName='Windows' prettyName='Microsoft Windows Server 2025 Datacenter'",
      { family: W, name: 'windows-server', version: '2025', edition: 'datacenter', architecture: X64 }],
    ["architecture='X86' bitness='64' buildNumber='22631' familyName='Windows' prettyName='Microsoft Windows 11 Enterprise'",
      { family: W, name: 'windows-client', version: '11', edition: 'enterprise', architecture: X64 }],
  ])('%s', (text, facts) => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(detailedDataFacts(text)).toEqual(facts);
  });
});

describe('vmOs chooses the column to trust', () => {
  test('prefers Guest Detailed Data, then the Tools label, then the configuration label', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    const detailed = "architecture='X86' bitness='64' distroName='Ubuntu' distroVersion='16.04' familyName='Linux'";
    expect(vmOs({ config: 'Other 3.x or later Linux (64-bit)', tools: 'Ubuntu Linux (64-bit)', detailed }).os)
      .toEqual({ family: L, name: 'ubuntu', version: '16.04', architecture: X64 });
    expect(vmOs({ config: 'Other 3.x or later Linux (64-bit)', tools: 'Ubuntu Linux (64-bit)' }).os).toEqual({ family: L, name: 'ubuntu', architecture: X64 });
    expect(vmOs({ config: 'Red Hat Enterprise Linux 7 (64-bit)', tools: '' }).os).toEqual({ family: L, name: 'rhel', version: '7', architecture: X64 });
  });

  test('trusts a filled-in Tools label over the configuration even when it says less', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(vmOs({ config: 'Red Hat Enterprise Linux 7 (64-bit)', tools: 'Other 3.x or later Linux (64-bit)' }).os).toEqual({ family: L, architecture: X64 });
  });

  test('takes the label\'s architecture when Guest Detailed Data names the same OS without a bitness', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(vmOs({ tools: 'Red Hat Enterprise Linux 7 (64-bit)', detailed: "distroName='Red Hat Enterprise Linux' distroVersion='7.2' familyName='Linux'" }).os)
      .toEqual({ family: L, name: 'rhel', version: '7.2', architecture: X64 });
  });

  test('notes a label it does not know, and gives nothing for no label', () => {
    // GIVEN the input above; WHEN it is read; THEN:
    expect(vmOs({ tools: 'PanOS 10.1.9' })).toEqual({ os: undefined, note: 'OS "PanOS 10.1.9" is not a label this importer knows: the OS is left out' });
    expect(vmOs({ tools: 'CentOS Linux release 7.9.2009' }).note).toBe('OS "CentOS Linux release 7.9.2009" is not a label this importer knows: '
      + 'only family linux, name centos is kept');
    expect(vmOs({})).toEqual({});
  });
});
