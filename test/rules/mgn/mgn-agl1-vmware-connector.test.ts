import { Outcome } from '../../../lib/assessment/rule';
import { assessPlan } from '../../../lib/rules';
import { agentlessVmware } from '../../../lib/rules/mgn/mgn-agl1-vmware-connector';
import { Plan } from '../../../lib/plan/model/plan';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const AGENTLESS = { replication: { method: 'agentless' } };
const CONNECTORS = [{ name: 'dc1-vcc', hypervisor: 'vmware' }, { name: 'hv-1', hypervisor: 'hyperv' }];
const REQUIREMENT = 'agentless replication needs a VMware VM under a vmware connector (its vCenter Client)';

describe('MGN-AGL1 agentless VMs run on VMware under a vmware connector', () => {
  const judge = (vm: object) => agentlessVmware(mgnVmContext(vm, { plan: { connectors: CONNECTORS } }));

  test('passes a VMware VM under a vmware connector', () => {
    expect(judge({ connector: 'dc1-vcc', mgn: AGENTLESS }).outcome).toBe(Outcome.PASS);
  });

  test('reads the method from defaults.mgn', () => {
    // GIVEN a Hyper-V VM that is agentless through the plan's defaults
    const ctx = mgnVmContext({ hypervisor: 'hyperv' }, { plan: { defaults: { mgn: AGENTLESS } } });
    // WHEN / THEN
    expect(agentlessVmware(ctx).outcome).toBe(Outcome.FAIL);
  });

  test('fails a Hyper-V VM, naming the hypervisor and what passes', () => {
    // GIVEN / WHEN
    const result = judge({ hypervisor: 'hyperv', connector: 'hv-1', mgn: AGENTLESS });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`the VM runs on hyperv (hypervisor): ${REQUIREMENT}; replicate it with the agent (mgn.replication.method agent)`);
  });

  test('fails a VMware VM under a connector that is not vmware', () => {
    // GIVEN / WHEN
    const result = judge({ connector: 'hv-1', mgn: AGENTLESS });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`connector "hv-1" is hyperv (connectors[].hypervisor): ${REQUIREMENT}`);
  });

  test('is unknown when the VM names no connector', () => {
    // GIVEN / WHEN
    const result = judge({ mgn: AGENTLESS });
    // THEN
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`the VM names no connector (connector): ${REQUIREMENT}`);
  });

  test('is unknown when the connector is not declared', () => {
    // GIVEN / WHEN
    const result = judge({ connector: 'elsewhere', mgn: AGENTLESS });
    // THEN
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`connector "elsewhere" is not declared (connectors[]): ${REQUIREMENT}`);
  });

  test('is n/a for an agent-based VM, whatever it runs on', () => {
    expect(judge({ hypervisor: 'hyperv' }).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(judge({ mgn: { replication: { method: 'agent' } } }).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  describe('through the pack', () => {
    test('a failure makes the other agentless VM rules n/a for the VM, not for its neighbour', () => {
      // GIVEN two agentless VMs with a vvol disk each, one of them on Hyper-V
      const disks = [{ name: 'Hard disk 1', datastore: 'vvol', mode: 'persistent', format: 'vmdk' }];
      const plan = {
        version: 1, target: 'mgn', connectors: CONNECTORS,
        vms: [
          { name: 'hv-vm', hypervisor: 'hyperv', connector: 'hv-1', disks, mgn: AGENTLESS },
          { name: 'vw-vm', hypervisor: 'vmware', connector: 'dc1-vcc', disks, mgn: AGENTLESS },
        ],
      } as unknown as Plan;

      // WHEN
      const assessment = assessPlan(plan, { now: MGN_TEST_NOW });

      // THEN the Hyper-V VM has AGL1 and none of AGL4-AGL6; the VMware VM has AGL4 and AGL6, not AGL1
      const ids = (name: string) => assessment.vms.find((v) => v.name === name)!.findings
        .map((f) => f.rule).filter((id) => id.startsWith('MGN-AGL'));
      expect(ids('hv-vm')).toEqual(['MGN-AGL1']);
      expect(ids('vw-vm')).toEqual(['MGN-AGL4', 'MGN-AGL6']);
      const agl1 = assessment.vms[0].findings.find((f) => f.rule === 'MGN-AGL1')!;
      expect([agl1.outcome, agl1.severity]).toEqual(['fail', 'error']);
    });
  });
});
