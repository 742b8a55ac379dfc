import { describeOs } from '../../plan/model/os';
import { OsFamily } from '../../plan/model/plan';
import { familyGate } from '../../assessment/family-gate';
import { fail, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { isResult, windowsTarget } from './facts/os';

const SERVER_WITH_ENTERPRISE = ['standard', 'datacenter', 'enterprise'];
const SERVER = ['standard', 'datacenter'];

/** The editions SMS supports for each supported Windows release (windowsRelease() keys). */
const EDITIONS: Readonly<Record<string, readonly string[]>> = {
  '2003': SERVER_WITH_ENTERPRISE,
  '2003r2': SERVER_WITH_ENTERPRISE,
  '2008': SERVER_WITH_ENTERPRISE,
  '2008r2': SERVER_WITH_ENTERPRISE,
  '2012': SERVER,
  '2012r2': SERVER,
  '2016': SERVER,
  '7': ['professional', 'enterprise', 'ultimate'],
  '8': ['professional', 'enterprise'],
  '8.1': ['professional', 'enterprise'],
  '10': ['professional', 'enterprise', 'education'],
};

/**
 * An edition folded for comparison: case and spacing ignored, a trailing `edition` dropped, and
 * `pro` (Microsoft's own name for Professional on Windows 8 and 10) read as `professional`.
 */
function foldEdition(text: string): string {
  const folded = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\s*edition$/, '').replace(/^data center$/, 'datacenter');
  return folded === 'pro' ? 'professional' : folded;
}

/** `standard, datacenter` as `Standard, Datacenter`. */
function listEditions(editions: readonly string[]): string {
  return editions.map((e) => e.charAt(0).toUpperCase() + e.slice(1)).join(', ');
}

/**
 * The Windows edition is one SMS supports for the release, compared without regard to case.
 *
 * Unknown when `os.edition` is missing, or when the release is not recorded. n/a for Linux and family
 * `other`, and for a release SMS-OS1 fails.
 */
export function windowsEdition({ vm }: VmContext): RuleResult {
  const os = vm.os;
  const gate = familyGate(vm, OsFamily.WINDOWS, 'Windows editions are judged per release');
  if (gate) {
    return gate;
  }
  const target = windowsTarget(os, 'each release supports its own editions');
  if (isResult(target)) {
    return target;
  }
  const editions = EDITIONS[target.release];
  const edition = os?.edition;
  if (edition == null || String(edition).trim() === '') {
    return unknown(`the edition of ${describeOs(os)} is not recorded (os.edition) (supported: ${listEditions(editions)})`);
  }
  if (editions.includes(foldEdition(String(edition)))) {
    return pass();
  }
  return fail(`${describeOs(os)} edition ${String(edition).trim()} is not supported (supported: ${listEditions(editions)})`);
}
