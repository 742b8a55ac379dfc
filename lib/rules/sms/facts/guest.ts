/**
 * Helpers shared by the guest-preparation rules (SMS-PREP1 to SMS-PREP13). Not part of the public API.
 */
import { describeOs, displayWindowsRelease, windowsRelease } from '../../../plan/model/os';
import { familyGate } from '../../../assessment/family-gate';
import { FstabEntry, OsFamily, Vm } from '../../../plan/model/plan';
import { fail, notApplicable, pass, RuleResult, unknown } from '../../../assessment/rule';

/** What a yes/no guest fact must be, and how its findings are worded: one constant per rule. */
export interface FlagCheck {
  /** The value that passes. */
  readonly wanted: boolean;
  /** The fact's plan path, `guest.antivirusEnabled`. */
  readonly field: string;
  /** What the fact says when it fails: `antivirus or intrusion-detection software is enabled`. */
  readonly failing: string;
  /** What the unknown message asks about: `whether antivirus or intrusion-detection software is enabled`. */
  readonly question: string;
  /** What is required, for both messages: `it must be disabled for the migration`. */
  readonly requirement: string;
}

/**
 * Applies a {@link FlagCheck} to the fact's value as the plan gives it: pass when it has the wanted value,
 * fail when it has the other, unknown when the plan leaves it out.
 */
export function checkFlag(value: boolean | undefined, check: FlagCheck): RuleResult {
  if (value == null) {
    return unknown(`${check.question} is not recorded (${check.field}): ${check.requirement}`);
  }
  if (value === check.wanted) {
    return pass();
  }
  return fail(`${check.failing} (${check.field}: ${value}): ${check.requirement}`);
}

/**
 * Every Windows release key `windowsRelease()` can give for a real release. A version that folds to
 * anything else (`7professional`, `longhorn`) is not recognised, so the hotfix rules cannot tell whether
 * they apply and report unknown rather than guess.
 */
const KNOWN_WINDOWS_RELEASES = new Set([
  '2003', '2003r2', '2008', '2008r2', '2012', '2012r2', '2016', '2019', '2022', '2025',
  'xp', 'vista', '7', '8', '8.1', '10', '11',
]);

/**
 * The Windows release key of a VM (`2008r2`, `7`), with a trailing service pack dropped: plans often
 * write `2008 R2 SP1` or `7 SP1` although the service pack has its own field (`os.servicePack`), and the
 * hotfixes do not depend on it.
 */
function hotfixRelease(vm: Vm): string | undefined {
  const version = vm.os?.version;
  if (typeof version !== 'string') {
    return windowsRelease(vm.os)?.replace(/(sp|servicepack)\d*$/, '');
  }
  // A plan writes a few versions thousands of times: fold each once (windowsRelease reads only the version).
  if (HOTFIX_RELEASES.has(version)) {
    return HOTFIX_RELEASES.get(version);
  }
  const release = windowsRelease(vm.os)?.replace(/(sp|servicepack)\d*$/, '');
  if (HOTFIX_RELEASES.size >= MAX_REMEMBERED_VERSIONS) {
    HOTFIX_RELEASES.clear();
  }
  HOTFIX_RELEASES.set(version, release);
  return release;
}

/** Release keys by `os.version` as written. Bounded: a plan of all-different versions must not grow it forever. */
const HOTFIX_RELEASES = new Map<string, string | undefined>();
const MAX_REMEMBERED_VERSIONS = 1000;

/** How a hotfix rule's messages name a release list: `Windows 7, 8, 8.1, Server 2008, 2008 R2`. */
function describeReleases(releases: readonly string[]): string {
  const clients = releases.filter((r) => !/^\d{4}/.test(r)).map(displayWindowsRelease);
  const servers = releases.filter((r) => /^\d{4}/.test(r)).map(displayWindowsRelease);
  const parts: string[] = [];
  if (clients.length > 0) {
    parts.push(`Windows ${clients.join(', ')}`);
  }
  if (servers.length > 0) {
    parts.push(`${clients.length > 0 ? '' : 'Windows '}Server ${servers.join(', ')}`);
  }
  return parts.join(', ');
}

/** What every message of a hotfix requirement ends with, and the folded hotfix number it looks for. */
interface HotfixWording {
  readonly needed: string;
  readonly wanted: string;
}

// Each rule passes one constant requirement for every VM: word it once. (Keyed by the requirement
// object, so a rule must pass the same object each time, not a literal made per call.)
const WORDING = new WeakMap<HotfixRequirement, HotfixWording>();

function wordingOf(requirement: HotfixRequirement): HotfixWording {
  let wording = WORDING.get(requirement);
  if (wording === undefined) {
    wording = {
      needed: `hotfix ${requirement.kb} (${requirement.fixes}) must be applied on ${describeReleases(requirement.releases)}`,
      wanted: hotfixNumber(requirement.kb),
    };
    WORDING.set(requirement, wording);
  }
  return wording;
}

/** Folds a hotfix id for comparison: `KB2922223`, `kb2922223`, `KB 2922223` and `2922223` are equal. */
export function hotfixNumber(id: string): string {
  return String(id).trim().toUpperCase().replace(/^KB[\s_-]*/, '');
}

/** What a hotfix rule requires. */
export interface HotfixRequirement {
  /** The hotfix id, `KB2922223`. */
  readonly kb: string;
  /** What it fixes, for messages: `system time with RealTimeIsUniversal`. */
  readonly fixes: string;
  /** The Windows release keys (as `windowsRelease()` folds them) the hotfix exists for. */
  readonly releases: readonly string[];
}

/**
 * Judges a hotfix requirement: n/a off Windows and on releases the hotfix does not exist for; unknown when
 * the family, the release or `guest.hotfixes` is missing (or the release is not recognised); pass when the
 * hotfix is listed, fail when it is not.
 *
 * @param requirement the rule's requirement: pass one constant object, whose wording is then made once
 */
export function checkHotfix(vm: Vm, requirement: HotfixRequirement): RuleResult {
  const { needed, wanted } = wordingOf(requirement);
  const gate = familyGate(vm, OsFamily.WINDOWS, needed);
  if (gate) {
    return gate;
  }
  const release = hotfixRelease(vm);
  if (release === undefined) {
    return unknown(`the Windows release is not recorded (os.version): ${needed}`);
  }
  if (!KNOWN_WINDOWS_RELEASES.has(release)) {
    return unknown(`Windows release ${String(vm.os?.version)} is not recognised (os.version): ${needed}`);
  }
  if (!requirement.releases.includes(release)) {
    return notApplicable();
  }
  const hotfixes = vm.guest?.hotfixes;
  if (hotfixes == null) {
    return unknown(`the hotfixes applied to ${describeOs(vm.os)} are not recorded (guest.hotfixes): ${needed}`);
  }
  // Written as the rule writes it (`KB2922223`) it needs no folding.
  if (hotfixes.some((h) => h === requirement.kb || hotfixNumber(h) === wanted)) {
    return pass();
  }
  const listed = hotfixes.length > 0 ? hotfixes.join(', ') : 'none';
  return fail(`hotfix ${requirement.kb} is not applied on ${describeOs(vm.os)} (guest.hotfixes: ${listed}): ${needed}`);
}

/** How a message names an fstab entry: `/dev/sda1 on /data (xfs)`. */
export function describeFstabEntry(entry: FstabEntry): string {
  const mount = entry.mount != null && String(entry.mount).trim() !== '' ? ` on ${String(entry.mount).trim()}` : '';
  const type = entry.type != null && String(entry.type).trim() !== '' ? ` (${String(entry.type).trim()})` : '';
  return `${String(entry.device ?? '').trim()}${mount}${type}`;
}

/** What an fstab rule judges in each entry, and how it words its findings. */
export interface FstabCheck {
  /** The entry's field the rule judges, for unknown messages: `device` or `type`. */
  readonly field: 'device' | 'type';
  /** True when an entry offends; only called on entries whose field is present. */
  readonly offends: (value: string) => boolean;
  /** What passes, naming the family, for unknown messages: `Linux fstab entries should name devices by UUID=, ...`. */
  readonly requirement: string;
  /** Builds the fail message from the offending entries, already described. */
  readonly failure: (offenders: readonly string[]) => string;
}

/**
 * Judges every fstab entry of a Linux VM: fail listing every offending entry; otherwise unknown when an
 * entry lacks the field judged; otherwise pass (an empty fstab passes: nothing in it offends). n/a off
 * Linux, unknown when the family or `guest.fstab` is missing.
 */
export function checkFstab(vm: Vm, check: FstabCheck): RuleResult {
  const gate = familyGate(vm, OsFamily.LINUX, check.requirement);
  if (gate) {
    return gate;
  }
  const fstab = vm.guest?.fstab;
  if (fstab == null) {
    return unknown(`the /etc/fstab entries are not recorded (guest.fstab): ${check.requirement}`);
  }
  // Most VMs have no offending entry: the list is made at the first.
  let offenders: string[] | undefined;
  let undecided = 0;
  for (const entry of fstab) {
    const value = entry?.[check.field];
    if (value == null || String(value).trim() === '') {
      undecided++;
    } else if (check.offends(String(value).trim())) {
      (offenders ??= []).push(describeFstabEntry(entry));
    }
  }
  if (offenders !== undefined) {
    return fail(check.failure(offenders));
  }
  if (undecided > 0) {
    return unknown(`${undecided} /etc/fstab ${undecided === 1 ? 'entry has' : 'entries have'} no ${check.field} `
      + `(guest.fstab[].${check.field}): ${check.requirement}`);
  }
  return pass();
}
