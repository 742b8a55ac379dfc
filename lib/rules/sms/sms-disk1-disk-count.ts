import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';
import { disksNotRecorded } from './facts/disks';

/** The most virtual disks an SMS replication job accepts. */
const MAX_DISKS = 22;

/**
 * At most 22 virtual disks are attached to the VM: a replication job of a VM with more fails.
 *
 * Counts the entries of `disks`, on either hypervisor and for every OS. A plan that lists no disks
 * (`disks` absent) is unknown; an explicit empty list is a known count of zero and passes.
 */
export function diskCount({ vm }: VmContext): RuleResult {
  if (!Array.isArray(vm.disks)) {
    return disksNotRecorded(`at most ${MAX_DISKS} are supported`);
  }
  const count = vm.disks.length;
  if (count > MAX_DISKS) {
    return fail(`${count} virtual disks are attached: at most ${MAX_DISKS} are supported `
      + `(detach or consolidate ${count - MAX_DISKS})`);
  }
  return pass();
}
