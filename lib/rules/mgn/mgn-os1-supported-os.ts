import { describeOs, osName } from '../../plan/model/os';
import { OsFamily } from '../../plan/model/plan';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { isVagueName } from '../sms/facts/os';
import { matrixEntry, MATRIX_NAMES } from './facts/os-matrix';

const SUPPORTED = `MGN supports ${MATRIX_NAMES}`;

/**
 * The OS is a distribution of MGN's matrix (MGN-OS1), and `os.family` agrees with it: `windows` for
 * windows-server and windows-client, `linux` for the rest. Versions are MGN-OS2's.
 *
 * Fails family `other`, a name outside the matrix (fedora, freebsd) and a family that contradicts the
 * name. Unknown when `os.name` is missing, or only says the family (`windows`, `linux`): failing a hard
 * rule there would reject a supported OS merely written loosely.
 */
export function supportedOs({ vm }: VmContext): RuleResult {
  const os = vm.os;
  const name = osName(os);
  const family = os?.family;
  if (family === OsFamily.OTHER) {
    const what = name === undefined ? 'os.family other' : `${describeOs(os)} of os.family other`;
    return fail(`${what} is not supported: ${SUPPORTED}`);
  }
  if (name === undefined) {
    return unknown(`the OS is not named (os.name): ${SUPPORTED}`);
  }
  const entry = matrixEntry(os);
  if (entry === undefined) {
    if (isVagueName(name)) {
      return unknown(`os.name ${String(os?.name).trim()} does not say which OS it is: ${SUPPORTED}`);
    }
    return fail(`${describeOs(os)} (os.name ${String(os?.name).trim()}) is not in MGN's OS matrix: ${SUPPORTED}`);
  }
  if (family !== undefined && family !== entry.family) {
    return fail(`os.family ${family} contradicts os.name ${String(os?.name).trim()}, which is ${entry.family}: correct the one that is wrong`);
  }
  return pass();
}
