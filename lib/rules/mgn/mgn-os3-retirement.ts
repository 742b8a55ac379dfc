import { describeOs } from '../../plan/model/os';
import { fail, notApplicable, pass, RuleResult, Severity, unknown, VmContext } from '../../assessment/rule';
import { MgnVmContext } from './context';
import { daysBetween } from './facts/days';
import { isResult, matrixRow, matrixVersion } from './facts/os-target';
import { listing, Listing, retirementDate, retirementsText } from './facts/os-matrix';

/** The warning band before a retirement date, in days (decided: a quarter). */
export const RETIREMENT_WARNING_DAYS = 90;

/**
 * The version's retirement date, if any, is after the VM's evaluation date (MGN-OS3): an error on or
 * after the retirement date (the first unsupported day), a warning when the evaluation date is at most
 * RETIREMENT_WARNING_DAYS days before it.
 *
 * Passes a distribution without retirements whatever its version. Unknown when the version is needed
 * and missing or unreadable, or is a major with any minor (`11.x`) that a retirement covers only in part.
 * n/a for a name outside the matrix or a version MGN-OS2 fails.
 */
export function osRetirement(ctx: VmContext): RuleResult {
  const { vm, mgn } = ctx as MgnVmContext;
  const os = vm.os;
  const entry = matrixRow(os, 'the version must not be retired by the evaluation date');
  if (isResult(entry)) {
    return entry;
  }
  if (entry.retirements.length === 0) {
    return pass();
  }
  const retirements = `MGN retires ${entry.label} ${retirementsText(entry)}`;
  const version = matrixVersion(os, entry, retirements);
  if (isResult(version)) {
    return version;
  }
  if (listing(entry, version) === Listing.NOT_LISTED) {
    return notApplicable();
  }
  const date = retirementDate(entry, version);
  if (date === undefined) {
    return pass();
  }
  if (date === Listing.UNDETERMINED) {
    return unknown(`${describeOs(os)} does not say which minor release it is (os.version): ${retirements}`);
  }
  const days = daysBetween(mgn.evaluationDate, date);
  if (days === undefined) {
    return unknown(`the evaluation date ${mgn.evaluationDate} is not a day (YYYY-MM-DD): ${retirements}`);
  }
  const source = evaluationSource(ctx as MgnVmContext);
  if (days <= 0) {
    const fix = source.cutover ? `cut over before ${date} or upgrade the OS` : 'upgrade the OS to a supported version';
    return fail(`${describeOs(os)} leaves MGN's support on ${date}, on or before the evaluation date ${mgn.evaluationDate} `
      + `(${source.text}): ${fix}`);
  }
  if (days <= RETIREMENT_WARNING_DAYS) {
    return fail(`${describeOs(os)} leaves MGN's support on ${date}, ${days} days after the evaluation date ${mgn.evaluationDate} `
      + `(${source.text}): finish the cutover before then or upgrade the OS`, Severity.WARNING);
  }
  return pass();
}

/**
 * Where a VM's evaluation date comes from, for messages: its wave's cutover when that is later than the
 * assessment date, else the assessment date (a past cutover never lets a retired OS pass).
 */
function evaluationSource({ vm, plan }: MgnVmContext): { readonly text: string; readonly cutover: boolean } {
  const assessed = plan.scope.assessmentDate;
  const cutover = vm.wave !== undefined ? plan.scope.waves.get(vm.wave)?.cutoverDate : undefined;
  if (cutover === undefined) {
    return { text: 'the assessment date', cutover: false };
  }
  if (cutover > assessed) {
    return { text: `the cutoverDate of wave ${vm.wave}`, cutover: true };
  }
  if (cutover === assessed) {
    return { text: `the assessment date, also the cutoverDate of wave ${vm.wave}`, cutover: false };
  }
  return { text: `the assessment date, after the cutoverDate ${cutover} of wave ${vm.wave}`, cutover: false };
}
