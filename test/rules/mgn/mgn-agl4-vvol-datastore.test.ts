import { Outcome } from '../../../lib/assessment/rule';
import { assessPlan } from '../../../lib/rules';
import { agentlessVvol } from '../../../lib/rules/mgn/mgn-agl4-vvol-datastore';
import { Plan } from '../../../lib/plan/model/plan';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const AGENTLESS = { replication: { method: 'agentless' } };
const REQUIREMENT = 'agentless replication does not support VMware Virtual Volumes (vvol); vmfs, nfs and vsan datastores are fine';

describe('MGN-AGL4 agentless VMs are not on Virtual Volumes', () => {
  const judge = (disks?: object[], mgn: object = AGENTLESS) => agentlessVvol(mgnVmContext({ connector: 'c-1', disks, mgn }));

  test('passes disks on vmfs, nfs and vsan', () => {
    expect(judge([{ datastore: 'vmfs' }, { datastore: 'nfs' }, { datastore: 'vsan' }]).outcome).toBe(Outcome.PASS);
  });

  test('fails a disk on vvol, naming it', () => {
    // GIVEN / WHEN
    const result = judge([{ name: 'Hard disk 1', datastore: 'vmfs' }, { name: 'Hard disk 2', datastore: 'vvol' }]);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`"Hard disk 2" is on a Virtual Volumes datastore (disks[].datastore vvol): ${REQUIREMENT}`);
  });

  test('fails on vvol even when another disk\'s datastore is not recorded', () => {
    expect(judge([{}, { datastore: 'vvol' }]).message).toBe(`disk 2 is on a Virtual Volumes datastore (disks[].datastore vvol): ${REQUIREMENT}`);
  });

  test('is unknown when a datastore is not recorded', () => {
    // GIVEN / WHEN
    const result = judge([{ datastore: 'vmfs' }, { name: 'Hard disk 2' }]);
    // THEN
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`the datastore of "Hard disk 2" is not recorded (disks[].datastore): ${REQUIREMENT}`);
  });

  test('is unknown when the disks are not recorded', () => {
    expect(judge(undefined).message).toBe(`the VM's virtual disks are not recorded (disks): ${REQUIREMENT}`);
  });

  test('is n/a for an agent-based VM', () => {
    expect(judge([{ datastore: 'vvol' }], {}).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('through the pack: a warning, which an SMS-DISK7 acknowledgement covers', () => {
    // GIVEN an agentless VM on vvol whose plan acknowledges SMS-DISK7
    const plan = {
      version: 1, target: 'mgn', connectors: [{ name: 'c-1', hypervisor: 'vmware' }],
      acknowledge: [{ rule: 'SMS-DISK7', reason: 'tested on our VVols' }],
      vms: [{ name: 'vm-1', hypervisor: 'vmware', connector: 'c-1', disks: [{ datastore: 'vvol' }], mgn: AGENTLESS }],
    } as unknown as Plan;
    // WHEN
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-AGL4');
    // THEN
    expect(finding).toMatchObject({ outcome: 'fail', severity: 'warning', acknowledged: true, acknowledgedVia: 'SMS-DISK7' });
  });
});
