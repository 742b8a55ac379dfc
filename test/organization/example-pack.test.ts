import * as fs from 'fs';
import * as path from 'path';
import { FindingOutcome, PlanAssessment } from '../../lib/assessment/types';
import { Severity } from '../../lib/assessment/rule';
import { assessPlanWithRulePacks } from '../../lib/organization/assess';
import { IOrganizationRulePack } from '../../lib/organization/organization-rule-pack';
import { Plan, PlanTarget } from '../../lib/plan/model/plan';
import { effectiveReplication, SMS_RULE_PACK } from '../../lib/rules';
import { composeRulePack } from '../../lib/organization/compose';
import { planOf, readyLinuxVm, readyWindowsVm } from '../helpers/fixtures';
import { packFolder } from './example-pack';

// The example pack file, loaded as the `cdk-sms` command loads one: with its own copy of the library.
let dir: string;
let pack: IOrganizationRulePack;

beforeAll(() => {
  dir = packFolder();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  pack = require(path.join(dir, 'org-pack.js')) as IOrganizationRulePack;
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const NOW = new Date('2026-01-15T00:00:00Z');

/** A Windows VM with the given OS facts. */
function windowsVm(name: string, osFacts: object | undefined): object {
  const vm = readyWindowsVm(name);
  if (osFacts === undefined) {
    delete vm.os;
  } else {
    vm.os = osFacts;
  }
  return vm;
}

function assess(vms: object[], extra: object = {}, target?: PlanTarget): PlanAssessment {
  return assessPlanWithRulePacks(planOf(vms, extra) as Plan, [pack], { now: NOW, ...(target !== undefined ? { target } : {}) });
}

function orgFinding(assessment: PlanAssessment, vm: string) {
  return assessment.vms.find((v) => v.name === vm)!.findings.find((f) => f.rule === 'ORG-WIN2008');
}

describe('the example pack, ORG-WIN2008', () => {
  test('passes Windows Server 2012 R2 and does not apply to Linux', () => {
    // GIVEN a ready Windows Server 2012 R2 VM and a ready RHEL VM
    // WHEN they are assessed with the example pack
    const assessment = assess([readyWindowsVm('win-2012'), readyLinuxVm('rhel-01')]);
    // THEN neither has an ORG-WIN2008 finding
    expect(orgFinding(assessment, 'win-2012')).toBeUndefined();
    expect(orgFinding(assessment, 'rhel-01')).toBeUndefined();
    expect(assessment.organizationPacks).toEqual(['Example Corp']);
  });

  test.each([
    ['windows-server', '2008'],
    ['Windows Server', '2008 R2'],
    ['windows-server', 'Windows Server 2008 SP2'],
  ])('fails %s %s, for SMS and for MGN', (name, version) => {
    // GIVEN a Windows Server 2008 VM, the OS written as people write it
    const vm = windowsVm('old-01', { family: 'windows', name, version, architecture: 'x86_64' });
    for (const target of [PlanTarget.SMS, PlanTarget.MGN]) {
      // WHEN it is assessed for each service
      const finding = orgFinding(assess([vm], {}, target), 'old-01');
      // THEN ORG-WIN2008 fails it as an error, naming the release
      expect(finding).toMatchObject({ severity: Severity.ERROR, outcome: FindingOutcome.FAIL, acknowledged: false });
      expect(finding!.message).toMatch(/^Windows Server 2008( R2)?: Windows Server 2008 and 2008 R2 are not migrated/);
    }
  });

  test.each([
    ['no OS at all', undefined, /the OS is not recorded \(os\.family, os\.name\)/],
    ['only the Windows family', { family: 'windows' }, /the Windows name is not recorded \(os\.name/],
    ['a vague name', { family: 'windows', name: 'windows', version: '2008' }, /the Windows name is not recorded/],
    ['no version', { family: 'windows', name: 'windows-server' }, /the Windows Server release is not recorded \(os\.version\)/],
  ])('is unknown for a VM with %s, never a pass', (_, osFacts, message) => {
    // GIVEN a VM whose OS facts do not tell the release
    // WHEN it is assessed
    const finding = orgFinding(assess([windowsVm('vague-01', osFacts)]), 'vague-01');
    // THEN ORG-WIN2008 reports unknown, naming the missing fact
    expect(finding).toMatchObject({ outcome: FindingOutcome.UNKNOWN });
    expect(finding!.message).toMatch(message);
  });

  test('is unacknowledgeable: an acknowledgement in the plan is refused, naming the pack', () => {
    // GIVEN a Windows Server 2008 VM whose acknowledgement names ORG-WIN2008
    const vm = windowsVm('old-01', { family: 'windows', name: 'windows-server', version: '2008', architecture: 'x86_64' });
    (vm as { acknowledge?: object[] }).acknowledge = [{ rule: 'ORG-WIN2008', reason: 'we accept it' }];
    // WHEN it is assessed
    const assessment = assess([vm]);
    // THEN the error stands, with the refusal and the reason given
    const finding = orgFinding(assessment, 'old-01');
    expect(finding).toMatchObject({ acknowledged: false, reason: 'we accept it' });
    expect(finding!.note).toBe('ORG-WIN2008 is a hard rule: the Example Corp rule pack makes it unacknowledgeable, so its failure cannot be acknowledged');
    expect(assessment.vms[0].verdict).toBe('not-ready');
  });
});

describe('the example pack, beyond its rule', () => {
  test('raises SMS-LIC6 to an error, and reports the raised entry', () => {
    // GIVEN a Windows VM licensed BYOL without the Microsoft attestations
    const vm = readyWindowsVm('byol-01');
    vm.replication = { ...vm.replication, licenseType: 'byol', attestations: [] };
    // WHEN it is assessed with and without the pack
    const withPack = assess([vm]);
    // THEN SMS-LIC6 fails at error with the pack, and the assessment carries the raised entry
    expect(withPack.vms[0].findings.find((f) => f.rule === 'SMS-LIC6')?.severity).toBe(Severity.ERROR);
    expect(withPack.organizationRules?.find((r) => r.id === 'SMS-LIC6')?.severity).toBe(Severity.ERROR);
    expect(withPack.vms[0].verdict).toBe('not-ready');
  });

  test('its defaults lie beneath the plan\'s: frequencyHours 6 unless the plan says otherwise', () => {
    // GIVEN the pack's defaults and the plan's own
    expect(pack.defaults).toEqual({ replication: { frequencyHours: 6 } });
    // WHEN a VM's settings are merged over each
    // THEN the pack's value holds where the plan says nothing, and the plan's wins where it does
    const planWithout = planOf([readyLinuxVm()]) as Plan;
    const planWith = planOf([readyLinuxVm()], { defaults: { replication: { frequencyHours: 12, encrypted: false } } }) as Plan;
    const composed = composeRulePack(SMS_RULE_PACK, [pack]).pack;
    const facts = composed.planFacts(planWithout.vms, { plan: planWithout, now: NOW });
    const without = composed.vmContext(planWithout.vms[0], { defaults: planWithout.defaults, plan: facts, now: NOW });
    const withDefaults = composed.vmContext(planWith.vms[0], { defaults: planWith.defaults, plan: facts, now: NOW });
    expect(without.replication.frequencyHours).toBe(6);
    expect(withDefaults.replication.frequencyHours).toBe(12);
    expect(effectiveReplication(undefined, undefined).frequencyHours).toBe(12);
  });
});
