import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { publicRouting } from '../../../lib/rules/mgn/mgn-rep4-public-routing';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

describe('MGN-REP4 public routing', () => {
  const check = (replication: object, plan?: object) => publicRouting(mgnVmContext({ mgn: { replication } }, { plan }));

  test('passes the defaults: private routing', () => {
    expect(check({}).outcome).toBe(Outcome.PASS);
  });

  test('passes public routing with a public IP', () => {
    expect(check({ dataPlaneRouting: 'public-ip', createPublicIp: true }).outcome).toBe(Outcome.PASS);
  });

  test('fails public routing without a public IP, naming both fields', () => {
    // GIVEN public routing and the default createPublicIp
    const result = check({ dataPlaneRouting: 'public-ip' });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('mgn.replication.dataPlaneRouting is public-ip but mgn.replication.createPublicIp is false: '
      + 'the replication servers need a public IP to be reached over the public route; set createPublicIp true or route over private-ip');
  });

  test('names the defaults a setting comes from', () => {
    const result = check({ createPublicIp: false }, { defaults: { mgn: { replication: { dataPlaneRouting: 'public-ip' } } } });
    expect(result.message).toMatch(/^defaults\.mgn\.replication\.dataPlaneRouting is public-ip but mgn\.replication\.createPublicIp is false/);
  });

  test('is never unknown: both settings default', () => {
    expect(check({ createPublicIp: true }).outcome).toBe(Outcome.PASS);
  });

  test('is reported through the pack', () => {
    const plan = { version: 1, target: 'mgn', defaults: { mgn: { replication: { dataPlaneRouting: 'public-ip' } } },
      vms: [{ name: 'app-01', hypervisor: 'vmware' }] };
    const finding = assessPlan(plan as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-REP4');
    expect(finding?.outcome).toBe('fail');
    expect(finding?.severity).toBe('error');
  });
});
