import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';
import { Vm } from '../../plan/model/plan';
import { namesWave } from '../../plan/model/waves';
import type { MgnVmContext } from './context';

/** The ids a VM names its vCenter VM by, for messages. */
function sourceIds(vm: Vm): string {
  const ids: string[] = [];
  if (vm.source?.vmUuid) {
    ids.push(`source.vmUuid ${vm.source.vmUuid}`);
  }
  if (vm.source?.vmPath) {
    ids.push(`source.vmPath ${vm.source.vmPath}`);
  }
  const under = vm.connector === undefined ? 'with no connector' : `under connector ${vm.connector}`;
  return `${ids.join(', ')} ${under}`;
}

/**
 * Each source is one source server, and each application one wave.
 *
 * No two agentless VMs under one connector (VMs without one form one group) name the same vCenter VM
 * by `source.vmUuid` (compared without case) or `source.vmPath`: the vCenter Client knows each VM as one
 * source server. Every VM of such a group fails, naming the others (the first five, then how many more).
 * An application's wave is that of its first VM in plan order that names a wave; every VM of the
 * application in another wave fails, since MGN links an application to one wave. An unscheduled VM
 * (no wave in a plan that uses waves) joins no wave yet, and a plan in which no VM names a wave is one
 * wave. A VM with no source ids shares nothing, so the rule is never unknown.
 */
export function oneSourceOneWave(ctx: VmContext): RuleResult {
  const { vm, mgn, plan } = ctx as MgnVmContext;
  const problems: string[] = [];
  const same = plan.replicationFacts.sameSource.get(vm.name);
  if (same !== undefined) {
    const more = same.count - same.others.length;
    const names = more > 0 ? `${same.others.join(', ')} and ${more} other VM${more === 1 ? '' : 's'}` : same.others.join(', ');
    problems.push(`the same vCenter VM (${sourceIds(vm)}) is also named by ${names}: `
      + 'the vCenter Client discovers each VM as one source server');
  }
  const app = plan.replicationFacts.applicationWave.get(mgn.application);
  if (namesWave(vm.wave) && app !== undefined && app.wave !== vm.wave) {
    const which = vm.application === undefined ? `application ${mgn.application} (its wave's name; application is not set)` : `application ${mgn.application}`;
    problems.push(`${which} is in wave ${app.wave} (that of its first VM ${app.firstVm}) but this VM is in wave ${vm.wave}: `
      + `MGN links an application to one wave; move the VM to wave ${app.wave} or name another application`);
  }
  return problems.length > 0 ? fail(problems.join('; ')) : pass();
}
