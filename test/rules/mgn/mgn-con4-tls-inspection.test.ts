import { Outcome } from '../../../lib/assessment/rule';
import { assessPlan } from '../../../lib/rules';
import { tlsInspection } from '../../../lib/rules/mgn/mgn-con4-tls-inspection';
import { Plan } from '../../../lib/plan/model/plan';
import { MGN_TEST_NOW, mgnNetworkContext } from '../../helpers/mgn-context';

const REQUIREMENT = 'MGN\'s agents and replication servers need their TLS connections to MGN end to end, without interception';

describe('MGN-CON4 no TLS interception', () => {
  const judge = (network?: object) => tlsInspection(mgnNetworkContext(network === undefined ? {} : { mgn: { network } }));

  test('passes tlsInspection false', () => {
    expect(judge({ tlsInspection: false }).outcome).toBe(Outcome.PASS);
  });

  test('fails tlsInspection true, saying what to do', () => {
    // GIVEN / WHEN
    const result = judge({ tlsInspection: true });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`mgn.network.tlsInspection is true: ${REQUIREMENT}; exempt the mgn, s3 and ec2 endpoints and set it to false`);
  });

  test('is unknown when not recorded, with or without a network block', () => {
    // GIVEN / WHEN
    const result = judge({});
    // THEN
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`whether TLS is intercepted on the way to MGN is not recorded (mgn.network.tlsInspection; false passes): ${REQUIREMENT}`);
    expect(judge(undefined).outcome).toBe(Outcome.UNKNOWN);
  });

  test('through the pack: an error under network, which a plan may acknowledge', () => {
    // GIVEN
    const plan = {
      version: 1, target: 'mgn', mgn: { network: { tlsInspection: true } }, vms: [{ name: 'vm-1', hypervisor: 'vmware' }],
      acknowledge: [{ rule: 'MGN-CON4', reason: 'proxy exempts MGN, confirmed by the network team', vms: ['network'] }],
    } as unknown as Plan;
    // WHEN
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).network!.findings.find((f) => f.rule === 'MGN-CON4');
    // THEN
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'error', acknowledged: true });
  });
});
