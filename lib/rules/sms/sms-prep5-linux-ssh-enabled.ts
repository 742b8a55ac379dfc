import { familyGate } from '../../assessment/family-gate';
import { checkFlag, FlagCheck } from './facts/guest';
import { OsFamily } from '../../plan/model/plan';
import { RuleResult, VmContext } from '../../assessment/rule';

const REQUIREMENT = 'Linux VMs need SSH enabled to be reachable after migration';

const CHECK: FlagCheck = {
  wanted: true,
  field: 'guest.remoteAccessEnabled',
  failing: 'SSH is disabled',
  question: 'whether SSH is enabled',
  requirement: REQUIREMENT,
};

/**
 * A Linux VM has SSH enabled, read from `guest.remoteAccessEnabled`.
 *
 * n/a on Windows and on family `other`; unknown when the family cannot be told.
 */
export function linuxSshEnabled({ vm }: VmContext): RuleResult {
  return familyGate(vm, OsFamily.LINUX, REQUIREMENT) ?? checkFlag(vm.guest?.remoteAccessEnabled, CHECK);
}
