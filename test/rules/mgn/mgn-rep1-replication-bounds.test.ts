import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { replicationBounds } from '../../../lib/rules/mgn/mgn-rep1-replication-bounds';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

describe('MGN-REP1 replication bounds', () => {
  const withMbps = (mbps: unknown, plan?: object) =>
    replicationBounds(mgnVmContext({ mgn: { replication: { bandwidthThrottlingMbps: mbps } } }, { plan }));

  test.each([0, 1, 200, 10_000])('passes a bandwidth limit of %d Mbps', (mbps) => {
    expect(withMbps(mbps).outcome).toBe(Outcome.PASS);
  });

  test('passes the library defaults: unthrottled, no disks', () => {
    expect(replicationBounds(mgnVmContext({})).outcome).toBe(Outcome.PASS);
  });

  test.each([-1, 10_001, 12.5])('fails a bandwidth limit of %d Mbps, naming the field and the bounds', (mbps) => {
    // GIVEN a limit outside 0-10,000 or not whole
    // WHEN
    const result = withMbps(mbps);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`mgn.replication.bandwidthThrottlingMbps ${mbps} is not a whole number of Mbps from 0 to 10,000 (0 is unthrottled)`);
  });

  test('names the defaults when the limit comes from them', () => {
    const result = replicationBounds(mgnVmContext({}, { plan: { defaults: { mgn: { replication: { bandwidthThrottlingMbps: 20_000 } } } } }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/^defaults\.mgn\.replication\.bandwidthThrottlingMbps 20000 is not a whole number/);
  });

  test('fails a disk that sets a staging type without a device name, and lists every offence', () => {
    // GIVEN two disks with a staging type, one without deviceName, and a bad limit
    const ctx = mgnVmContext({
      mgn: { replication: { bandwidthThrottlingMbps: -5 } },
      disks: [
        { name: 'Hard disk 1', deviceName: '/dev/sda', mgn: { stagingDiskType: 'gp3' } },
        { name: 'Hard disk 2', mgn: { stagingDiskType: 'io2' } },
        { mgn: { stagingDiskType: 'st1' }, deviceName: ' ' },
        { name: 'Hard disk 4' },
      ],
    });
    // WHEN
    const result = replicationBounds(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('mgn.replication.bandwidthThrottlingMbps -5 is not a whole number of Mbps from 0 to 10,000 (0 is unthrottled); '
      + 'disks[1] (Hard disk 2), disks[2] set mgn.stagingDiskType but no deviceName: MGN sets a staging disk type by the device name '
      + '(such as /dev/sda or c:0)');
  });

  test('passes disks that set no staging type, with or without a device name', () => {
    const ctx = mgnVmContext({ disks: [{ name: 'Hard disk 1' }, { deviceName: 'c:0', mgn: { stagingDiskType: 'auto' } }] });
    expect(replicationBounds(ctx).outcome).toBe(Outcome.PASS);
  });

  test('is never unknown: the facts it reads default', () => {
    expect(replicationBounds(mgnVmContext({ disks: [{}] })).outcome).toBe(Outcome.PASS);
  });

  test('is reported through the pack as a hard error', () => {
    // GIVEN an MGN plan with an out-of-bounds limit
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'web-01', hypervisor: 'vmware', mgn: { replication: { bandwidthThrottlingMbps: 10_001 } } }] };
    // WHEN
    const finding = assessPlan(plan as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-REP1');
    // THEN
    expect(finding?.outcome).toBe('fail');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toMatch(/^mgn\.replication\.bandwidthThrottlingMbps 10001/);
  });
});
