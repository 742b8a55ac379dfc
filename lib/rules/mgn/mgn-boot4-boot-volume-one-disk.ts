import { diskLabel } from '../../plan/model/disks';
import { describeOs } from '../../plan/model/os';
import { OsFamily, Vm } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { linuxVolumesAt } from './facts/volumes';

const REQUIREMENT = 'the Linux boot volume must sit on one disk (guest.bootSpansDisks false)';

/** The mounts whose volumes boot a Linux VM: either on two disks means the boot volume spans them. */
const BOOT_MOUNTS: readonly string[] = ['/', '/boot'];

/** `/ is recorded on "Hard disk 1", "Hard disk 2"` for the first boot mount the plan shows on two or more disks; undefined when none. */
function spanningMount(vm: Vm): string | undefined {
  for (const mount of BOOT_MOUNTS) {
    const labels = new Map<number, string>();
    for (const placed of linuxVolumesAt(vm, mount)) {
      if (!labels.has(placed.diskIndex)) {
        labels.set(placed.diskIndex, diskLabel(placed.disk, placed.diskIndex));
      }
    }
    if (labels.size > 1) {
      return `${mount} is recorded on ${[...labels.values()].join(', ')}`;
    }
  }
  return undefined;
}

/**
 * MGN-BOOT4: a Linux VM's boot volume does not span several disks, whatever its replication method.
 *
 * Fails when `guest.bootSpansDisks` is true, and when the plan shows a volume mounted at `/` or `/boot`
 * on two disks (an LVM volume over several physical volumes, say), whatever the flag says. Passes when
 * the flag is false and the volumes agree; unknown when the flag is not recorded and the volumes show no
 * span. n/a for Windows and `other`.
 */
export function bootVolumeOneDisk({ vm }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.LINUX, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const spanning = spanningMount(vm);
  if (spanning !== undefined) {
    return fail(`the boot volume of ${describeOs(vm.os)} spans disks: ${spanning} (disks[].volumes[].mount): ${REQUIREMENT}`);
  }
  const flag = vm.guest?.bootSpansDisks;
  if (flag === true) {
    return fail(`the boot volume of ${describeOs(vm.os)} spans several disks (guest.bootSpansDisks true): ${REQUIREMENT}`);
  }
  if (flag === false) {
    return pass();
  }
  return unknown(`whether the boot volume of ${describeOs(vm.os)} spans several disks is not recorded (guest.bootSpansDisks): ${REQUIREMENT}`);
}
