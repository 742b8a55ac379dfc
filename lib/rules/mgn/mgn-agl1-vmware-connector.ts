import { Hypervisor, ReplicationMethod } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { MgnVmContext } from './context';
import { methodGate } from './facts/method-gate';

const REQUIREMENT = 'agentless replication needs a VMware VM under a vmware connector (its vCenter Client)';

/**
 * [agentless] The VM runs on VMware (`hypervisor: vmware`) and names a declared connector
 * (`connector`) whose hypervisor is `vmware`: the vCenter Client that discovers it and ships its
 * snapshots.
 *
 * A Hyper-V VM, or a connector that is not `vmware`, fails. No `connector`, or one the plan does not
 * declare (a plan built in code; the loader rejects it), is unknown: the client is not known. n/a for
 * agent-based VMs.
 */
export function agentlessVmware(ctx: VmContext): RuleResult {
  const { vm, connector } = ctx as MgnVmContext;
  const gate = methodGate(ctx as MgnVmContext, ReplicationMethod.AGENTLESS);
  if (gate) {
    return gate;
  }
  if (vm.hypervisor == null) {
    return unknown(`the VM's hypervisor is not recorded (hypervisor): ${REQUIREMENT}`);
  }
  if (vm.hypervisor !== Hypervisor.VMWARE) {
    return fail(`the VM runs on ${vm.hypervisor} (hypervisor): ${REQUIREMENT}; replicate it with the agent (mgn.replication.method agent)`);
  }
  if (vm.connector == null || String(vm.connector).trim() === '') {
    return unknown(`the VM names no connector (connector): ${REQUIREMENT}`);
  }
  if (connector === undefined) {
    return unknown(`connector "${vm.connector}" is not declared (connectors[]): ${REQUIREMENT}`);
  }
  if (connector.hypervisor !== Hypervisor.VMWARE) {
    return fail(`connector "${connector.name}" is ${connector.hypervisor} (connectors[].hypervisor): ${REQUIREMENT}`);
  }
  return pass();
}
