import { familyGate } from '../../assessment/family-gate';
import { checkFlag, FlagCheck } from './facts/guest';
import { OsFamily } from '../../plan/model/plan';
import { RuleResult, VmContext } from '../../assessment/rule';

const REQUIREMENT = 'Windows VMs need Remote Desktop (RDP) enabled to be reachable after migration';

const CHECK: FlagCheck = {
  wanted: true,
  field: 'guest.remoteAccessEnabled',
  failing: 'Remote Desktop (RDP) is disabled',
  question: 'whether Remote Desktop (RDP) is enabled',
  requirement: REQUIREMENT,
};

/**
 * A Windows VM has Remote Desktop (RDP) enabled, read from `guest.remoteAccessEnabled`.
 *
 * n/a on Linux and on family `other`; unknown when the family cannot be told.
 */
export function windowsRdpEnabled({ vm }: VmContext): RuleResult {
  return familyGate(vm, OsFamily.WINDOWS, REQUIREMENT) ?? checkFlag(vm.guest?.remoteAccessEnabled, CHECK);
}
