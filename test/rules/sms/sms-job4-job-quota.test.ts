import { jobQuota } from '../../../lib/rules/sms/sms-job4-job-quota';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-JOB4 job quota', () => {
  test('passes the 50th VM', () => {
    expect(jobQuota(vmContext({}, { position: 50 })).outcome).toBe(Outcome.PASS);
  });

  test('fails the 51st VM, naming its position and the quota', () => {
    // GIVEN the 51st VM of the plan and the default quota of 50
    const result = jobQuota(vmContext({ name: 'app-51' }, { position: 51 }));
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('app-51 is replication job 51 in its account and region (counted in plan order), past the quota of 50 concurrent replication jobs '
      + 'per account and region');
  });

  test('uses the quota the plan facts carry', () => {
    expect(jobQuota(vmContext({}, { position: 51, jobQuota: 200 })).outcome).toBe(Outcome.PASS);
    expect(jobQuota(vmContext({}, { position: 11, jobQuota: 10 })).message).toMatch(/job 11 .*quota of 10/);
  });

  test('passes the first VM and never reports unknown without settings', () => {
    expect(jobQuota(vmContext({})).outcome).toBe(Outcome.PASS);
  });
});
