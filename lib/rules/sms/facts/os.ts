import { displayWindowsRelease, isSupportedLinux, osName, OsName, windowsRelease } from '../../../plan/model/os';
import { OsFacts } from '../../../plan/model/plan';
import { parseVersion, VersionParts } from '../../../private/version';
import { notApplicable, RuleResult, unknown } from '../../../assessment/rule';

/**
 * Facts and wording shared by the operating-system rules. Not a rule, and not exported from the
 * section's barrel: the rules are the public surface.
 */

/** Windows Server releases SMS supports, as windowsRelease() keys, oldest first. */
export const WINDOWS_SERVER_RELEASES: readonly string[] = ['2003', '2003r2', '2008', '2008r2', '2012', '2012r2', '2016'];

/** Windows client releases SMS supports, as windowsRelease() keys, oldest first. */
export const WINDOWS_CLIENT_RELEASES: readonly string[] = ['7', '8', '8.1', '10'];

/** The Windows name of a VM, when its recognised name is one. */
export type WindowsName = OsName.WINDOWS_SERVER | OsName.WINDOWS_CLIENT;

/**
 * Names that say the family but not which OS: `windows` could be a server or a client, `linux` any
 * distribution, and `Windows Server 2016` written as a name is not a name the rules know.
 */
const VAGUE_NAME = /^(microsoft\s+)?windows\b|^(gnu\/)?linux$/;

/**
 * True when an OS name (as osName() folds it) says only the family: rules cannot tell which OS it is,
 * so they report unknown rather than judge (a supported OS merely written loosely must not fail).
 */
export function isVagueName(name: string | undefined): boolean {
  return name !== undefined && !isWindowsName(name) && !isSupportedLinux(name) && VAGUE_NAME.test(name);
}

/** The unknown for a Windows VM whose `os.name` is missing or vague. */
export function unknownWindowsName(os: OsFacts | undefined, needed: string): RuleResult {
  const name = os?.name == null || String(os.name).trim() === '' ? 'is not named (os.name' : `name ${String(os.name).trim()} is vague (os.name`;
  return unknown(`the Windows ${name}: windows-server or windows-client): ${needed}`);
}

/** The unknown for a Linux VM whose `os.name` is missing or vague. */
export function unknownLinuxName(os: OsFacts | undefined, needed: string): RuleResult {
  const name = os?.name == null || String(os.name).trim() === '' ? 'is not recorded' : `${String(os.name).trim()} is vague`;
  return unknown(`the Linux distribution ${name} (os.name): ${needed}`);
}

/** True when a recognised name is a Windows one. */
export function isWindowsName(name: string | undefined): name is WindowsName {
  return name === OsName.WINDOWS_SERVER || name === OsName.WINDOWS_CLIENT;
}

/** The supported releases of a Windows name. */
export function supportedReleases(name: WindowsName): readonly string[] {
  return name === OsName.WINDOWS_SERVER ? WINDOWS_SERVER_RELEASES : WINDOWS_CLIENT_RELEASES;
}

/** True when a Windows name and release key are one SMS supports. */
export function isSupportedWindows(name: WindowsName, release: string): boolean {
  return supportedReleases(name).includes(release);
}

/** Release keys as people write them, joined for a message: `2003, 2003 R2, 2008`. */
export function listReleases(releases: readonly string[]): string {
  return releases.map(displayWindowsRelease).join(', ');
}

/**
 * A Windows VM's name and release, or the result a rule returns when they are not enough to judge.
 *
 * - `os.name` missing (family `windows` alone) or vague (`windows`): unknown naming `os.name`.
 * - any other name that is not a Windows one (family `windows` with `rhel` or `os2`): n/a, as SMS-OS1
 *   fails it or reports the contradiction.
 * - `os.version` missing: unknown naming `os.version`.
 * - a release SMS does not support (Windows Server 2019, Windows XP): n/a, as SMS-OS1 fails it.
 *
 * @param needed what would pass, for the unknown messages
 */
export function windowsTarget(os: OsFacts | undefined, needed: string): { readonly name: WindowsName; readonly release: string } | RuleResult {
  const name = osName(os);
  if (name === undefined || isVagueName(name)) {
    return unknownWindowsName(os, needed);
  }
  if (!isWindowsName(name)) {
    return notApplicable();
  }
  const release = windowsRelease(os);
  if (release === undefined) {
    const label = name === OsName.WINDOWS_SERVER ? 'Windows Server' : 'Windows';
    return unknown(`the ${label} release is not recorded (os.version): ${needed}`);
  }
  if (!isSupportedWindows(name, release)) {
    return notApplicable();
  }
  return { name, release };
}

/** True when windowsTarget() gave a result to return rather than a release to judge. */
export function isResult(value: object): value is RuleResult {
  return 'outcome' in value;
}

/**
 * A SLES version as numbers, release then service pack: `11 SP3` and `11.3` are [11, 3]; a release
 * written without a service pack is service pack 0 (`12` is [12, 0]), not "any 12".
 *
 * Returns undefined when the text holds no number.
 */
export function slesVersion(text: string | undefined): VersionParts | undefined {
  const parts = parseVersion(text);
  if (parts === undefined) {
    return undefined;
  }
  return parts.length >= 2 ? parts.slice(0, 2) : [parts[0], 0];
}
