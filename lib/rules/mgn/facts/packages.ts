/**
 * The guest's installed packages (`guest.packages`, name to `version-release`), as the MGN rules read
 * them (MGN-RULES.md, "How rules relate"): a package absent from a recorded map is not installed, and a
 * map that is not recorded at all says nothing. Not part of the public API.
 */
import { compareVersions, VersionParts } from '../../../private/version';

/** A guest's package map, as the plan gives it. */
export type PackageMap = Readonly<Record<string, string>>;

/**
 * The version of an installed package, as recorded (trimmed); `''` when it is installed with no version
 * recorded; undefined when it is not installed. Names match exactly, else regardless of case (importers
 * write `GCC` as readily as `gcc`). Only the map's own keys count: a package named `constructor` is not
 * found on the object's prototype.
 */
export function installedVersion(packages: PackageMap, name: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(packages, name)) {
    return versionText(packages[name]);
  }
  const folded = name.toLowerCase();
  for (const key of Object.keys(packages)) {
    if (key.trim().toLowerCase() === folded) {
      return versionText(packages[key]);
    }
  }
  return undefined;
}

function versionText(value: unknown): string {
  return value == null ? '' : String(value).trim();
}

/** Whether a package is installed: true or false on a recorded map, undefined when the map is not recorded. */
export function isInstalled(packages: PackageMap | undefined, name: string): boolean | undefined {
  return packages == null ? undefined : installedVersion(packages, name) !== undefined;
}

/** The first of `names` installed, in their order; undefined when none is. */
export function firstInstalled(packages: PackageMap, names: readonly string[]): string | undefined {
  return names.find((name) => installedVersion(packages, name) !== undefined);
}

/** Those of `names` not installed, in their order (empty when all are). */
export function missingPackages(packages: PackageMap, names: readonly string[]): string[] {
  return names.filter((name) => installedVersion(packages, name) === undefined);
}

/**
 * Parses a package's `version-release` into numbers, part by part across `.` and `-`:
 * `2.03.23-1` is [2, 3, 23, 1]. An rpm epoch (`8:`) is dropped, since the versions the rules compare
 * against carry none; the parts stop at the first that does not start with a digit (`el9` in
 * `2.03.23-1.el9`, a distribution tag), and a part's trailing letters are ignored (`1ubuntu2` is 1).
 *
 * Returns undefined when the text does not start with a number.
 */
export function parsePackageVersion(text: string | undefined): VersionParts | undefined {
  if (text == null) {
    return undefined;
  }
  const parts: number[] = [];
  for (const part of String(text).trim().replace(/^\d+:/, '').split(/[.-]/)) {
    const digits = /^\d+/.exec(part);
    if (digits === null) {
      break;
    }
    parts.push(Number(digits[0]));
  }
  return parts.length > 0 ? parts : undefined;
}

/**
 * Compares two package versions part by part, numerically (2.03.23-1 is newer than 2.03.9-5); a missing
 * trailing part counts as 0. Returns -1, 0 or 1; undefined when either is not a version.
 */
export function comparePackageVersions(a: string, b: string): number | undefined {
  const left = parsePackageVersion(a);
  const right = parsePackageVersion(b);
  return left === undefined || right === undefined ? undefined : compareVersions(left, right);
}
