import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';
import { indexedNics, listNics, nicsNotRecorded } from './facts/network';

const REQUIREMENT = 'after migration the instance has a single network interface';

/**
 * The VM has at most one network interface: SMS gives the migrated instance a single interface, so
 * whatever the others carried (a backup network, a second subnet) is lost. A warning.
 *
 * An explicit empty `nics` list is a known count of zero and passes; `nics` absent is unknown.
 */
export function singleNic({ vm }: VmContext): RuleResult {
  if (!Array.isArray(vm.nics)) {
    return nicsNotRecorded(`${REQUIREMENT}, so one NIC passes`);
  }
  if (vm.nics.length > 1) {
    const nics = indexedNics(vm)!;
    return fail(`${nics.length} network interfaces (${listNics(nics)}): ${REQUIREMENT}, so one NIC passes`);
  }
  return pass();
}
