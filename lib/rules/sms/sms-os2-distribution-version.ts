import { describeOs, osName, OsName } from '../../plan/model/os';
import { OsFamily } from '../../plan/model/plan';
import { compareVersions, formatRanges, matchRanges, parseVersion, VersionParts, VersionRange } from '../../private/version';
import { familyGate } from '../../assessment/family-gate';
import { fail, notApplicable, pass, RuleResult, unknown, VmContext } from '../../assessment/rule';
import { isVagueName, slesVersion, unknownLinuxName } from './facts/os';

/** One-release ranges for a distribution that lists single releases. */
function releases(...versions: string[]): VersionRange[] {
  return versions.map((v) => ({ from: v, to: v }));
}

/** The supported versions of each Linux distribution, as the requirements list them. */
const SUPPORTED_LINUX_VERSIONS: Readonly<Record<string, readonly VersionRange[]>> = {
  [OsName.UBUNTU]: releases('12.04', '12.10', '13.04', '13.10', '14.04', '14.10', '15.04', '16.04', '16.10'),
  [OsName.RHEL]: [{ from: '5.1', to: '5.11' }, { from: '6.1', to: '6.9' }, { from: '7.0', to: '7.3' }],
  [OsName.CENTOS]: [{ from: '5.1', to: '5.11' }, { from: '6.1', to: '6.6' }, { from: '7.0', to: '7.3' }],
  [OsName.DEBIAN]: [{ from: '6.0.0', to: '6.0.8' }, { from: '7.0.0', to: '7.8.0' }, { from: '8.0.0', to: '8.0.0' }],
  [OsName.ORACLE_LINUX]: [{ from: '6.1', to: '6.6' }, { from: '7.0', to: '7.1' }],
  [OsName.FEDORA]: [{ from: '19', to: '21' }],
  // `12` is SLES 12 without a service pack (12.0); slesVersion() reads the version that way.
  [OsName.SLES]: [{ from: '11 SP1', to: '11 SP4' }, { from: '12', to: '12 SP1' }],
};

const PRECISION_WORDS = ['', 'a major release', 'major.minor', 'major.minor.patch'];

/**
 * How precise a version must be for a distribution, and an example, for the message when a version
 * is too short to judge (RHEL `7` is 7.0 to 7.9, of which only 7.0-7.3 are supported).
 */
function precisionHint(version: VersionParts, ranges: readonly VersionRange[]): string {
  let precision = 0;
  let example: string | undefined;
  for (const range of ranges) {
    const from = parseVersion(range.from)!;
    const to = parseVersion(range.to)!;
    precision = Math.max(precision, from.length, to.length);
    const inPrefix = compareVersions(version, from.slice(0, version.length)) >= 0
      && compareVersions(version, to.slice(0, version.length)) <= 0;
    if (example === undefined && inPrefix) {
      example = range.to;
    }
  }
  const words = PRECISION_WORDS[precision] ?? `${precision} components`;
  return example ? `${words}, such as ${example}` : words;
}

/** 6.0 of RHEL and CentOS is out for a stated reason, worth repeating. */
function lacksDrivers(name: string, version: VersionParts): boolean {
  return (name === OsName.RHEL || name === OsName.CENTOS) && version[0] === 6 && (version[1] ?? -1) === 0;
}

/**
 * Debian numbers its releases from 7 on as major.minor (`/etc/debian_version` says `7.8`), which the
 * list writes as 7.8.0: a two-part version from 7 on is that release itself. Debian 6 had three-part
 * point releases (6.0.1 ... 6.0.10), so `6.0` stays ambiguous.
 */
function debianVersion(text: string): readonly number[] | undefined {
  const parsed = parseVersion(text);
  return parsed !== undefined && parsed.length === 2 && parsed[0] >= 7 ? [...parsed, 0] : parsed;
}

/**
 * The Linux version is in its distribution's supported set.
 *
 * Versions compare numerically through matchRanges(): components beyond the list's precision are
 * ignored (Ubuntu 14.04.5 is 14.04), and a version with fewer components than the list (RHEL `7`,
 * Debian `7`) is unknown unless every version it could be gives the same answer. A SLES version
 * without a service pack is the release itself (`12` is 12.0). n/a for Windows and family `other`,
 * and for a distribution SMS-OS1 does not know.
 */
export function distributionVersion({ vm }: VmContext): RuleResult {
  const os = vm.os;
  const gate = familyGate(vm, OsFamily.LINUX, 'Linux versions are judged against their distribution\'s supported list');
  if (gate) {
    return gate;
  }
  const name = osName(os);
  if (name === undefined || isVagueName(name)) {
    return unknownLinuxName(os, 'each distribution has its own supported versions');
  }
  const ranges = SUPPORTED_LINUX_VERSIONS[name];
  if (ranges === undefined) {
    // Not a distribution SMS supports: SMS-OS1 fails it.
    return notApplicable();
  }
  const supported = formatRanges(ranges);
  const text = os!.version;
  if (text == null || String(text).trim() === '') {
    return unknown(`the ${describeOs(os)} version is not recorded (os.version) (supported: ${supported})`);
  }
  const parsed = name === OsName.SLES ? slesVersion(text) : name === OsName.DEBIAN ? debianVersion(text) : parseVersion(text);
  if (parsed === undefined) {
    return unknown(`os.version ${text} of ${describeOs({ name: os!.name })} holds no version number (supported: ${supported})`);
  }
  switch (matchRanges(parsed, ranges)) {
    case 'inside':
      return pass();
    case 'ambiguous':
      return unknown(`${describeOs(os)} is not precise enough to judge: os.version needs ${precisionHint(parsed, ranges)} `
        + `(supported: ${supported})`);
    default: {
      const reason = lacksDrivers(name, parsed) ? ': 6.0 lacks the drivers SMS needs' : '';
      return fail(`${describeOs(os)} is not supported${reason} (supported: ${supported})`);
    }
  }
}
