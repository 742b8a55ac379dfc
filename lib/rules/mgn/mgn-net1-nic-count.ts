import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';
import { indexedNics, listNics, nicsNotRecorded } from '../sms/facts/network';

/** The network interfaces MGN's launch template carries. */
export const LAUNCH_TEMPLATE_NICS = 2;

const REQUIREMENT = `MGN's launch template holds ${LAUNCH_TEMPLATE_NICS} network interfaces, so up to ${LAUNCH_TEMPLATE_NICS} NICs pass`;

/**
 * The VM has at most two network interfaces: MGN's launch template holds two, so the instance comes
 * up without the others, which have to be added after launch. A warning.
 *
 * An explicit empty `nics` list is a known count of zero and passes; `nics` absent is unknown.
 */
export function nicCount({ vm }: VmContext): RuleResult {
  if (!Array.isArray(vm.nics)) {
    return nicsNotRecorded(REQUIREMENT);
  }
  if (vm.nics.length > LAUNCH_TEMPLATE_NICS) {
    const nics = indexedNics(vm) ?? [];
    return fail(`${nics.length} network interfaces (${listNics(nics)}): ${REQUIREMENT}; add the others to the instance after launch`);
  }
  return pass();
}
