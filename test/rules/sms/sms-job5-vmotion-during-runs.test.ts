import { vmotionDuringRuns } from '../../../lib/rules/sms/sms-job5-vmotion-during-runs';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-JOB5 vmotion during runs', () => {
  test('reminds every VMware VM, even one with no facts at all', () => {
    // GIVEN a VMware VM with nothing else recorded
    const result = vmotionDuringRuns(vmContext({ name: 'web-01', hypervisor: 'vmware' }));
    // THEN an info finding at the rule's own severity, never unknown
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toMatch(/^web-01 runs on VMware: do not move it \(vMotion, Storage vMotion, DRS, Storage DRS\)/);
    expect(result.message).toMatch(/another vCenter/);
    expect(result.message).not.toMatch(/\.$/);
  });

  test('is n/a on Hyper-V', () => {
    expect(vmotionDuringRuns(vmContext({ hypervisor: 'hyperv' })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
