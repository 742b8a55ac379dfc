import { describeOs } from '../../plan/model/os';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { isResult, matrixRow, matrixVersion } from './facts/os-target';
import { listing, Listing, supportedText } from './facts/os-matrix';

/**
 * The version is one MGN's matrix lists for the distribution (MGN-OS2), retirement aside (MGN-OS3's).
 *
 * Unknown when `os.version` is missing or does not read by the distribution's grammar, and for a major
 * with any minor (`8.x`) when only some of its minors are listed. n/a for a name outside the matrix.
 */
export function distributionVersion({ vm }: VmContext): RuleResult {
  const os = vm.os;
  const entry = matrixRow(os, 'the version must be one MGN lists for its distribution');
  if (isResult(entry)) {
    return entry;
  }
  const supported = `supported ${entry.label}: ${supportedText(entry)}`;
  const version = matrixVersion(os, entry, supported);
  if (isResult(version)) {
    return version;
  }
  switch (listing(entry, version)) {
    case Listing.LISTED:
      return pass();
    case Listing.UNDETERMINED:
      return unknown(`${describeOs(os)} does not say which minor release it is (os.version): ${supported}`);
    default:
      return fail(`${describeOs(os)} is not a version MGN supports (os.version; ${supported})`);
  }
}
