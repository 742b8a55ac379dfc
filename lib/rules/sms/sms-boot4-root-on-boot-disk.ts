import { bootDisk } from '../../plan/model/disks';
import { osFamily } from '../../plan/model/os';
import { OsFamily } from '../../plan/model/plan';
import { familiesGate, LINUX_AND_WINDOWS } from '../../assessment/family-gate';
import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';
import { bootDiskLabel, missingRoot, rootOf, volumeLabel } from './facts/boot';

const REQUIREMENT = 'the root volume must be on the boot disk (the disk holding the MBR)';

/**
 * The root volume (`/` on Linux, the system volume on Windows) is on the boot disk; an imported VM
 * whose root partition is on another virtual disk than the MBR may not boot. A warning.
 *
 * n/a for family `other`, whose root volume the plan cannot name.
 */
export function rootOnBootDisk({ vm }: VmContext): RuleResult {
  const gate = familiesGate(vm, LINUX_AND_WINDOWS, REQUIREMENT);
  if (gate) {
    return gate;
  }
  // The gate lets only Linux and Windows VMs through, whose family is therefore known.
  const family = osFamily(vm.os)!;
  const root = rootOf(vm, family);
  const disk = bootDisk(vm);
  if (!root || !disk) {
    return missingRoot(vm, family, REQUIREMENT);
  }
  if (root.disk === disk) {
    return pass();
  }
  const kind = family === OsFamily.LINUX ? 'root volume' : 'system volume';
  return fail(`${kind} ${volumeLabel(root)} is not on ${bootDiskLabel(vm, disk)}: ${REQUIREMENT}`);
}
