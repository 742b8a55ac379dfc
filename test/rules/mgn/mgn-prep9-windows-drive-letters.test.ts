import { Outcome } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { windowsDriveLetters } from '../../../lib/rules/mgn/mgn-prep9-windows-drive-letters';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const WINDOWS = { family: 'windows', name: 'windows-server', version: '2019' };

describe('MGN-PREP9 Windows drive letters', () => {
  const judge = (disks?: object[], extra: object = {}) => windowsDriveLetters(mgnVmContext({ os: WINDOWS, disks, ...extra }));

  test('passes when every volume of every disk has a drive letter', () => {
    const disks = [{ name: 'Hard disk 1', volumes: [{ mount: 'C:' }, { mount: 'd:\\' }] }, { name: 'Hard disk 2', volumes: [{ mount: 'E:' }] }];
    expect(judge(disks).outcome).toBe(Outcome.PASS);
  });

  test('fails listing the volumes mounted in a folder', () => {
    const disks = [
      { name: 'Hard disk 1', volumes: [{ mount: 'C:' }] },
      { name: 'Hard disk 2', volumes: [{ mount: 'C:\\Data' }, { mount: 'swap' }] },
    ];
    const result = judge(disks);
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('volumes have no drive letter (disks[].volumes[].mount): C:\\Data on "Hard disk 2", swap on "Hard disk 2"; '
      + 'the MGN agent will not replicate them: give each a drive letter');
  });

  test('fails even when another volume\'s mount is unknown', () => {
    expect(judge([{ volumes: [{ mount: 'C:\\mnt' }, {}] }]).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when a volume has no mount', () => {
    const result = judge([{ name: 'Hard disk 1', volumes: [{ mount: 'C:' }, { sizeGiB: 1 }] }]);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the mount of volume 2 on "Hard disk 1" is not recorded (disks[].volumes[].mount): every Windows volume '
      + 'needs a drive letter (disks[].volumes[].mount such as D:): the MGN agent does not replicate volumes mounted in a folder or without a letter');
  });

  test('is unknown when the disks or a disk\'s volumes are not recorded', () => {
    expect(judge(undefined).message).toMatch(/^no disks are recorded \(disks\): /);
    const result = judge([{ name: 'Hard disk 1', volumes: [{ mount: 'C:' }] }, { name: 'Hard disk 2' }]);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/^volumes of "Hard disk 2" is not recorded \(disks\[\]\.volumes\): /);
  });

  test('is n/a for agentless replication and off Windows', () => {
    expect(judge([{ volumes: [{ mount: 'C:\\x' }] }], { mgn: { replication: { method: 'agentless' } } }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(windowsDriveLetters(mgnVmContext({ os: { family: 'linux' }, disks: [{ volumes: [{ mount: '/' }] }] })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
  });

  test('runs through the whole pack', () => {
    const vm = { name: 'win-01', hypervisor: 'vmware', os: WINDOWS, disks: [{ volumes: [{ mount: 'C:' }, { mount: 'C:\\SQL' }] }] };
    const plan = { version: 1, target: 'mgn', vms: [vm] };
    const finding = assessPlan(plan as unknown as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-PREP9');
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'error' });
    expect(finding?.message).toMatch(/^a volume has no drive letter \(disks\[\]\.volumes\[\]\.mount\): C:\\SQL on disk 1; /);
  });
});
