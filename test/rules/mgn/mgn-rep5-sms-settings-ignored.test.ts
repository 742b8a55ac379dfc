import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { smsSettingsIgnored } from '../../../lib/rules/mgn/mgn-rep5-sms-settings-ignored';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

describe('MGN-REP5 SMS settings ignored', () => {
  test('passes when no SMS-only setting is present', () => {
    // GIVEN only settings MGN keeps
    const ctx = mgnVmContext({ replication: { licenseType: 'byol', encrypted: true, kmsKeyId: 'k' } });
    expect(smsSettingsIgnored(ctx).outcome).toBe(Outcome.PASS);
  });

  test('reminds of each SMS-only setting present, own or from the defaults', () => {
    // GIVEN own frequency and seed time, and a default type and frequency
    const ctx = mgnVmContext({ replication: { frequencyHours: 6, seedTime: '2027-01-01T00:00:00Z' } }, {
      plan: { defaults: { replication: { type: 'interval', frequencyHours: 12, enhancedNetworking: false } } },
    });
    // WHEN
    const result = smsSettingsIgnored(ctx);
    // THEN the VM's own frequency is named once, in place of the default
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('defaults.replication.type, replication.frequencyHours, replication.seedTime, '
      + 'defaults.replication.enhancedNetworking are SMS settings that MGN ignores: it replicates continuously and launches from the replicated disks');
  });

  test('shares one frozen reminder between VMs with the same settings', () => {
    const a = smsSettingsIgnored(mgnVmContext({ name: 'a', replication: { amisToKeep: 3 } }));
    const b = smsSettingsIgnored(mgnVmContext({ name: 'b', replication: { amisToKeep: 5 } }));
    expect(a).toBe(b);
    expect(Object.isFrozen(a)).toBe(true);
    expect(a.message).toBe('replication.amisToKeep is an SMS setting that MGN ignores: it replicates continuously and launches from the replicated disks');
  });

  test('is never unknown: presence is read from the plan as written', () => {
    expect(smsSettingsIgnored(mgnVmContext({})).outcome).toBe(Outcome.PASS);
  });

  test('is reported through the pack as info', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'web-01', hypervisor: 'vmware', replication: { type: 'one-time' } }] };
    const finding = assessPlan(plan as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-REP5');
    expect(finding?.severity).toBe('info');
    expect(finding?.message).toMatch(/^replication\.type is an SMS setting/);
  });
});
