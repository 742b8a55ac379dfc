import { bootDisk } from '../../plan/model/disks';
import { describeOs } from '../../plan/model/os';
import { OsFamily, PartitionStyle, Vm } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { bootDiskLabel, disksUnknown } from '../sms/facts/boot';

/** The package that lets GRUB 2 boot the copy from a GPT disk. */
const PACKAGE = 'grub2-pc-modules';

const REQUIREMENT = `Linux with a GPT boot disk needs package ${PACKAGE} installed (guest.packages)`;

/**
 * Whether `guest.packages` lists a package (its name compared trimmed, case-insensitively): undefined
 * when the map is not recorded. A package absent from a recorded map is not installed (MGN-RULES.md).
 */
function installed(vm: Vm, name: string): boolean | undefined {
  const packages = vm.guest?.packages;
  if (packages == null || typeof packages !== 'object' || Array.isArray(packages)) {
    return undefined;
  }
  return Object.keys(packages).some((key) => key.trim().toLowerCase() === name);
}

/**
 * MGN-BOOT3: a Linux VM whose boot disk (the one marked `boot: true`, else the first) uses GPT has
 * `grub2-pc-modules` installed, whatever its replication method.
 *
 * The package installed passes whatever the boot disk; an MBR boot disk is n/a. Unknown when the boot
 * disk or its partition style is not recorded (and the package is not known to be installed), or when
 * a GPT boot disk meets an unrecorded `guest.packages`. n/a for Windows and `other`.
 */
export function gptGrub2PcModules({ vm }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.LINUX, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const hasPackage = installed(vm, PACKAGE);
  if (hasPackage === true) {
    return pass();
  }
  const disk = bootDisk(vm);
  if (!disk) {
    return disksUnknown(REQUIREMENT);
  }
  const style = disk.partitionStyle == null ? '' : String(disk.partitionStyle).trim().toLowerCase();
  if (style === PartitionStyle.MBR) {
    return notApplicable();
  }
  if (style !== PartitionStyle.GPT) {
    const recorded = style === '' ? 'is not recorded' : `is ${String(disk.partitionStyle).trim()}, neither mbr nor gpt`;
    return unknown(`the partition style of ${bootDiskLabel(vm, disk)} ${recorded} (disks[].partitionStyle): ${REQUIREMENT}`);
  }
  if (hasPackage === undefined) {
    return unknown(`the installed packages of ${describeOs(vm.os)} are not recorded (guest.packages), and ${bootDiskLabel(vm, disk)} `
      + `uses gpt: ${REQUIREMENT}`);
  }
  return fail(`${describeOs(vm.os)} boots from gpt ${bootDiskLabel(vm, disk)} without package ${PACKAGE} (guest.packages): `
    + `install ${PACKAGE} and record it in guest.packages`);
}
