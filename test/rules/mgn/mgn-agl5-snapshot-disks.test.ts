import { Outcome } from '../../../lib/assessment/rule';
import { assessPlan } from '../../../lib/rules';
import { agentlessSnapshotDisks } from '../../../lib/rules/mgn/mgn-agl5-snapshot-disks';
import { Plan } from '../../../lib/plan/model/plan';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const AGENTLESS = { replication: { method: 'agentless' } };
const REQUIREMENT = 'agentless replication ships VMware snapshots, which leave out independent disks and physical-mode RDMs; '
  + 'a virtual-mode RDM that snapshots include may be acknowledged';
const PLAIN = { mode: 'persistent', format: 'vmdk' };

describe('MGN-AGL5 agentless VMs have no independent or RDM disk', () => {
  const judge = (disks?: object[], mgn: object = AGENTLESS) => agentlessSnapshotDisks(mgnVmContext({ connector: 'c-1', disks, mgn }));

  test('passes persistent VMDK disks (SEsparse too)', () => {
    expect(judge([PLAIN, { mode: 'persistent', format: 'sesparse' }]).outcome).toBe(Outcome.PASS);
  });

  test('fails independent disks and RDMs, naming each', () => {
    // GIVEN
    const disks = [
      PLAIN,
      { name: 'Hard disk 2', mode: 'independent-persistent', format: 'vmdk' },
      { name: 'Hard disk 3', mode: 'persistent', format: 'rdm' },
      { name: 'Hard disk 4', mode: 'independent-nonpersistent', format: 'rdm' },
    ];
    // WHEN
    const result = judge(disks);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('"Hard disk 2" is in independent-persistent mode, "Hard disk 3" is a Raw Device Mapping (rdm), '
      + `"Hard disk 4" is in independent-nonpersistent mode and a Raw Device Mapping (rdm) (disks[].mode, disks[].format): ${REQUIREMENT}`);
  });

  test('fails even when another disk\'s facts are missing', () => {
    expect(judge([{}, { format: 'rdm' }]).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when a disk\'s mode or format is not recorded', () => {
    // GIVEN / WHEN
    const result = judge([PLAIN, { mode: 'persistent' }, { format: 'vmdk' }]);
    // THEN
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`the mode or format of disk 2, disk 3 is not recorded (disks[].mode, disks[].format): ${REQUIREMENT}`);
  });

  test('is unknown when the disks are not recorded', () => {
    expect(judge(undefined).message).toBe(`the VM's virtual disks are not recorded (disks): ${REQUIREMENT}`);
  });

  test('is n/a for an agent-based VM', () => {
    expect(judge([{ format: 'rdm' }], {}).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('through the pack: an error a plan may acknowledge (a virtual-mode RDM)', () => {
    // GIVEN an agentless VM with an RDM, acknowledged
    const plan = {
      version: 1, target: 'mgn', connectors: [{ name: 'c-1', hypervisor: 'vmware' }],
      vms: [{
        name: 'vm-1', hypervisor: 'vmware', connector: 'c-1', disks: [{ ...PLAIN, format: 'rdm' }], mgn: AGENTLESS,
        acknowledge: [{ rule: 'MGN-AGL5', reason: 'virtual-mode RDM, included in snapshots' }],
      }],
    } as unknown as Plan;
    // WHEN
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-AGL5');
    // THEN
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'error', acknowledged: true });
  });
});
