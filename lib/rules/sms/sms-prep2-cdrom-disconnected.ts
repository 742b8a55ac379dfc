import { checkFlag, FlagCheck } from './facts/guest';
import { RuleResult, VmContext } from '../../assessment/rule';

const CHECK: FlagCheck = {
  wanted: false,
  field: 'guest.cdromConnected',
  failing: 'a CD-ROM drive is connected',
  question: 'whether a CD-ROM drive is connected',
  requirement: 'every CD-ROM drive (virtual or physical) must be disconnected',
};

/**
 * No CD-ROM drive, virtual or physical, is connected to the VM.
 *
 * Applies to every VM, whatever its family.
 */
export function cdromDisconnected({ vm }: VmContext): RuleResult {
  return checkFlag(vm.guest?.cdromConnected, CHECK);
}
