import { OsFamily } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { familyGate } from '../../assessment/family-gate';
import { fileSystemOf, LINUX_FILE_SYSTEMS, missingRoot, rootOf, volumeLabel } from './facts/boot';

const REQUIREMENT = `the Linux root volume must use ${LINUX_FILE_SYSTEMS.join(', ')}`;

/**
 * The Linux root volume (`/`) uses a file system SMS can import: ext2, ext3, ext4, Btrfs, JFS or XFS
 * (compared without regard to case). n/a for Windows and `other`.
 */
export function linuxRootFileSystem({ vm }: VmContext): RuleResult {
  const gate = familyGate(vm, OsFamily.LINUX, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const root = rootOf(vm, OsFamily.LINUX);
  if (!root) {
    return missingRoot(vm, OsFamily.LINUX, REQUIREMENT);
  }
  const fs = fileSystemOf(root.volume);
  if (fs === undefined) {
    return unknown(`the file system of root volume ${volumeLabel(root)} is not recorded (disks[].volumes[].fileSystem): ${REQUIREMENT}`);
  }
  if (LINUX_FILE_SYSTEMS.includes(fs)) {
    return pass();
  }
  return fail(`root volume ${volumeLabel(root)} uses ${fs} (supported: ${LINUX_FILE_SYSTEMS.join(', ')})`);
}
