import { Hypervisor } from '../../plan/model/plan';
import { fail, notApplicable, RuleResult, VmContext } from '../../assessment/rule';

/**
 * A reminder for every VMware VM: do not move it while a replication run is uploading.
 *
 * SMS only partly supports vMotion, Storage vMotion and DRS: a move between runs works when the
 * connector's vCenter account has rights at the destination, a move during a run does not, and
 * cross-vCenter vMotion never does. No plan fact decides it, so it is an info finding on every VMware
 * VM and never unknown; n/a on Hyper-V.
 */
export function vmotionDuringRuns({ vm }: VmContext): RuleResult {
  if (vm.hypervisor !== Hypervisor.VMWARE) {
    return notApplicable();
  }
  return fail(`${vm.name} runs on VMware: do not move it (vMotion, Storage vMotion, DRS, Storage DRS) while a replication run `
    + 'is uploading, never move it to another vCenter, and between runs move it only where the connector\'s vCenter account has rights');
}
