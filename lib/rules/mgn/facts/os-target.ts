import { describeOs, osName } from '../../../plan/model/os';
import { OsFacts } from '../../../plan/model/plan';
import { notApplicable, RuleResult, unknown } from '../../../assessment/rule';
import { isVagueName } from '../../sms/facts/os';
import { grammarText, MatrixEntry, matrixEntry, MATRIX_NAMES, OsVersion, readVersion } from './os-matrix';

/**
 * The opening checks the version rules (MGN-OS2, MGN-OS3) share: the VM's matrix row, then its version
 * read by the row's grammar, or the result a rule returns when they are not enough to judge.
 */

/** True when a value is a rule's result rather than the fact sought. */
export function isResult<T extends object>(value: T | RuleResult): value is RuleResult {
  return 'outcome' in value;
}

/**
 * The VM's matrix row: unknown when `os.name` is missing or only says the family (`windows`, `linux`),
 * n/a when the name is not in the matrix (MGN-OS1 fails it).
 *
 * @param needed what would pass, for the unknown message
 */
export function matrixRow(os: OsFacts | undefined, needed: string): MatrixEntry | RuleResult {
  const name = osName(os);
  if (name === undefined) {
    return unknown(`the OS is not named (os.name; one of ${MATRIX_NAMES}): ${needed}`);
  }
  if (isVagueName(name)) {
    return unknown(`os.name ${String(os?.name).trim()} does not say which OS it is (one of ${MATRIX_NAMES}): ${needed}`);
  }
  return matrixEntry(os) ?? notApplicable();
}

/**
 * The VM's version read by its row's grammar: unknown when `os.version` is missing or does not fit the
 * grammar (naming the form expected).
 *
 * @param needed what would pass, for the unknown message
 */
export function matrixVersion(os: OsFacts | undefined, entry: MatrixEntry, needed: string): OsVersion | RuleResult {
  const raw = os?.version == null ? '' : String(os.version).trim();
  if (raw === '') {
    return unknown(`the ${entry.label} version is not recorded (os.version): ${needed}`);
  }
  return readVersion(entry, raw)
    ?? unknown(`os.version ${raw} of ${describeOs(os)} is not a ${entry.label} version (${grammarText(entry)}): ${needed}`);
}
