import { checkFlag, FlagCheck } from './facts/guest';
import { RuleResult, VmContext } from '../../assessment/rule';

const CHECK: FlagCheck = {
  wanted: false,
  field: 'guest.antivirusEnabled',
  failing: 'antivirus or intrusion-detection software is enabled',
  question: 'whether antivirus or intrusion-detection software is enabled',
  requirement: 'it must be disabled for the migration (it can be re-enabled after)',
};

/**
 * Antivirus and intrusion-detection software is disabled while the VM migrates.
 *
 * Applies to every VM, whatever its family: such software can block or corrupt the driver and boot
 * changes SMS makes. It can be turned back on once the migration is done.
 */
export function antivirusDisabled({ vm }: VmContext): RuleResult {
  return checkFlag(vm.guest?.antivirusEnabled, CHECK);
}
