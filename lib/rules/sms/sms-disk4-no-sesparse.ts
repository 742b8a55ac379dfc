import { Disk, DiskFormat } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { disksNotRecorded, disksWhere, lacksFormat, listDisks, vmwareOnly } from './facts/disks';

const REQUIREMENT = 'SEsparse delta disks (sesparse) are not supported, other VMDK disks are';

function isSesparse(disk: Disk): boolean {
  return disk.format === DiskFormat.SESPARSE;
}

/**
 * VMware: no disk uses the SEsparse delta format.
 *
 * n/a on Hyper-V. A disk whose format is not recorded could be SEsparse, so it makes the rule unknown
 * unless another disk fails.
 */
export function noSesparse({ vm }: VmContext): RuleResult {
  const gate = vmwareOnly(vm, REQUIREMENT);
  if (gate) {
    return gate;
  }
  const sesparse = disksWhere(vm, isSesparse);
  if (sesparse === undefined) {
    return disksNotRecorded(REQUIREMENT);
  }
  if (sesparse.length > 0) {
    return fail(`${listDisks(sesparse)} ${sesparse.length > 1 ? 'use' : 'uses'} the SEsparse delta format: ${REQUIREMENT}`);
  }
  const noFormat = disksWhere(vm, lacksFormat)!;
  if (noFormat.length > 0) {
    return unknown(`the format of ${listDisks(noFormat)} is not recorded (disks[].format): ${REQUIREMENT}`);
  }
  return pass();
}
