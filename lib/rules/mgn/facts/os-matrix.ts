import { displayWindowsRelease, osName, OsName, windowsRelease } from '../../../plan/model/os';
import { OsFacts, OsFamily } from '../../../plan/model/plan';

/**
 * MGN's operating-system matrix (MGN-RULES.md, "Operating system"): the distributions and versions
 * MGN supports, with their retirement dates, and the grammar that reads `os.version` and `os.kernel`
 * for them. Library data as read on MATRIX_DATE; reports print it.
 *
 * A version reads as a tuple of numbers compared part by part (6.10 > 6.9), or for Windows as a release
 * key (windowsRelease()). The matrix holds inclusive ranges of such tuples and, per retirement, the
 * tuple prefix it covers (`[6]` is every 6.x, `[11, 4]` is SLES 11 SP4 only).
 */

/** The day the matrix was read, `YYYY-MM-DD`. */
export const MATRIX_DATE = '2026-12-04';

/** How a distribution's `os.version` is read. */
export enum VersionGrammar {
  /** Windows: the exact release name, case and spaces ignored (`2012 R2`). */
  WINDOWS_RELEASE = 'windows-release',
  /** major.minor, each numeric; a third part ignored; a bare major is .0; `6.x` is any 6. */
  MAJOR_MINOR = 'major-minor',
  /** Amazon Linux: the major; a `YYYY.MM` release of 2011-2018 is Amazon Linux 1. */
  AMAZON_LINUX = 'amazon-linux',
  /** The major alone (10.13 is 10). */
  MAJOR = 'major',
  /** SLES (major, service pack): `12` is SP0, `12.3` and `12 SP3` are SP3; `12.x` is any 12. */
  SLES = 'sles',
  /** Ubuntu YY.MM; a point release is its base (14.04.6 is 14.04). */
  UBUNTU = 'ubuntu',
}

/** A version as the matrix compares it: numeric parts, most significant first (Windows: the release's index). */
export type VersionKey = readonly number[];

/** An inclusive range of versions. */
export interface VersionRange {
  readonly from: VersionKey;
  readonly to: VersionKey;
}

/** The first day a set of versions is no longer supported. */
export interface Retirement {
  /** The versions it covers: every version whose key starts with these parts. */
  readonly prefix: VersionKey;
  /** The first unsupported day, `YYYY-MM-DD`. */
  readonly date: string;
}

/** One row of the matrix. */
export interface MatrixEntry {
  readonly name: OsName;
  /** How messages name the distribution: `RHEL`, `Windows Server`. */
  readonly label: string;
  readonly family: OsFamily;
  readonly grammar: VersionGrammar;
  /** Windows only: the release keys, oldest first; a version's key is its index here. */
  readonly releases?: readonly string[];
  /** The supported versions, oldest first. */
  readonly supported: readonly VersionRange[];
  readonly retirements: readonly Retirement[];
}

const WINDOWS_SERVER_RELEASES = ['2003', '2003r2', '2008', '2008r2', '2012', '2012r2', '2016', '2019', '2022', '2025'];
const WINDOWS_CLIENT_RELEASES = ['7', '10', '11'];

/** Every release of a Windows entry, each its own range. */
function everyRelease(releases: readonly string[]): VersionRange[] {
  return releases.map((_, i) => ({ from: [i], to: [i] }));
}

function range(from: VersionKey, to: VersionKey = from): VersionRange {
  return { from, to };
}

/** The matrix, in MGN-RULES.md order. */
export const OS_MATRIX: readonly MatrixEntry[] = [
  {
    name: OsName.WINDOWS_SERVER, label: 'Windows Server', family: OsFamily.WINDOWS, grammar: VersionGrammar.WINDOWS_RELEASE,
    releases: WINDOWS_SERVER_RELEASES, supported: everyRelease(WINDOWS_SERVER_RELEASES),
    // 2003 R2 follows 2003 (decided).
    retirements: [{ prefix: [0], date: '2026-02-15' }, { prefix: [1], date: '2026-02-15' },
      { prefix: [2], date: '2026-12-30' }, { prefix: [3], date: '2026-12-30' }],
  },
  {
    name: OsName.WINDOWS_CLIENT, label: 'Windows', family: OsFamily.WINDOWS, grammar: VersionGrammar.WINDOWS_RELEASE,
    releases: WINDOWS_CLIENT_RELEASES, supported: everyRelease(WINDOWS_CLIENT_RELEASES),
    retirements: [{ prefix: [0], date: '2026-12-30' }],
  },
  {
    name: OsName.AMAZON_LINUX, label: 'Amazon Linux', family: OsFamily.LINUX, grammar: VersionGrammar.AMAZON_LINUX,
    supported: [range([1]), range([2]), range([2023])],
    retirements: [{ prefix: [1], date: '2026-11-20' }],
  },
  {
    name: OsName.RHEL, label: 'RHEL', family: OsFamily.LINUX, grammar: VersionGrammar.MAJOR_MINOR,
    supported: [range([6, 0], [9, 8]), range([10, 0], [10, 1])],
    retirements: [{ prefix: [6], date: '2026-12-30' }],
  },
  {
    // "to 8.0" read as 8.x, which a retirement note names (decided): CentOS 8 ended at 8.5.
    name: OsName.CENTOS, label: 'CentOS', family: OsFamily.LINUX, grammar: VersionGrammar.MAJOR_MINOR,
    supported: [range([6, 0], [8, 5])],
    retirements: [{ prefix: [6], date: '2026-08-28' }, { prefix: [7], date: '2026-11-20' }, { prefix: [8], date: '2026-12-30' }],
  },
  {
    name: OsName.CENTOS_STREAM, label: 'CentOS Stream', family: OsFamily.LINUX, grammar: VersionGrammar.MAJOR,
    supported: [range([9]), range([10])],
    retirements: [],
  },
  {
    name: OsName.ORACLE_LINUX, label: 'Oracle Linux', family: OsFamily.LINUX, grammar: VersionGrammar.MAJOR_MINOR,
    supported: [range([6, 0], [7, 8]), range([8, 5], [8, 9]), range([9, 0], [9, 4]), range([9, 7]), range([10, 1])],
    retirements: [{ prefix: [6], date: '2026-08-28' }],
  },
  {
    name: OsName.ROCKY, label: 'Rocky Linux', family: OsFamily.LINUX, grammar: VersionGrammar.MAJOR_MINOR,
    supported: [range([8, 0], [9, 8]), range([10, 0], [10, 1])],
    retirements: [],
  },
  {
    name: OsName.ALMALINUX, label: 'AlmaLinux', family: OsFamily.LINUX, grammar: VersionGrammar.MAJOR_MINOR,
    supported: [range([9, 6], [9, 8]), range([10, 0], [10, 1])],
    retirements: [],
  },
  {
    // Every 12 and 15 level between 11 SP4 and 15 SP7: SLES 12 ended at SP5, and there is no 13 or 14.
    name: OsName.SLES, label: 'SLES', family: OsFamily.LINUX, grammar: VersionGrammar.SLES,
    supported: [range([11, 4]), range([12, 0], [12, 5]), range([15, 0], [15, 7])],
    retirements: [{ prefix: [11, 4], date: '2026-08-28' }],
  },
  {
    // Interim releases included (decided: the page gives a range).
    name: OsName.UBUNTU, label: 'Ubuntu', family: OsFamily.LINUX, grammar: VersionGrammar.UBUNTU,
    supported: [range([12, 4], [24, 4])],
    retirements: [{ prefix: [12, 4], date: '2026-08-20' }, { prefix: [14, 4], date: '2026-12-20' }],
  },
  {
    name: OsName.DEBIAN, label: 'Debian', family: OsFamily.LINUX, grammar: VersionGrammar.MAJOR,
    supported: [range([10]), range([11])],
    retirements: [{ prefix: [10], date: '2026-12-30' }],
  },
];

const BY_NAME: ReadonlyMap<string, MatrixEntry> = new Map(OS_MATRIX.map((entry) => [entry.name, entry] as const));

/** The matrix row of a VM's OS, by its recognised `os.name`; undefined when the name is missing or not in the matrix. */
export function matrixEntry(os: OsFacts | undefined): MatrixEntry | undefined {
  const name = osName(os);
  return name === undefined ? undefined : BY_NAME.get(name);
}

/** Every distribution of the matrix, for messages: `windows-server, windows-client, amazon-linux, ...`. */
export const MATRIX_NAMES: string = OS_MATRIX.map((entry) => entry.name).join(', ');

/** A version read by its distribution's grammar. */
export interface OsVersion {
  readonly key: VersionKey;
  /**
   * True for a major with any minor (`6.x`, `12.x`): `key` is the major alone, and the version is
   * listed, or retired, only when every minor of that major is.
   */
  readonly anyMinor: boolean;
}

// A part ends at the end of the text or at a character that is neither a letter nor a digit; a major
// read alone must not be followed by a dot either, so `7.9abc` and `6.xyz` do not read as 7.0 and 6.0.
const END = '(?![a-z0-9])';
const MAJOR_MINOR = new RegExp(`^(\\d+)(?:\\.(\\d+|x)${END}|(?![a-z0-9.]))`);
const MAJOR_ONLY = new RegExp(`^(\\d+)${END}`);
const SERVICE_PACK = /\s*[-_]?\s*sp\s*/;
const UBUNTU_VERSION = new RegExp(`^(\\d+)\\.(\\d+)${END}`);

/** Amazon Linux 1 shipped as `YYYY.MM` releases, 2011.09 to 2018.03. */
const AMAZON_LINUX_1_YEARS = { from: 2011, to: 2018 };

/**
 * Reads a VM's `os.version` by its distribution's grammar; undefined when the text does not fit it
 * (`RHEL 7` for rhel, `bullseye` for debian, `14` for ubuntu).
 *
 * Any Windows text reads: a release the entry does not list (`8.1` for windows-client, `2012 R2
 * Datacenter`) reads as key `[-1]`, which no range holds, so MGN-OS2 fails it.
 */
export function readVersion(entry: MatrixEntry, version: string): OsVersion | undefined {
  const text = version.trim().toLowerCase();
  switch (entry.grammar) {
    case VersionGrammar.WINDOWS_RELEASE: {
      const release = windowsRelease({ version });
      return release === undefined ? undefined : { key: [(entry.releases ?? []).indexOf(release)], anyMinor: false };
    }
    case VersionGrammar.MAJOR_MINOR:
      return numeric(MAJOR_MINOR.exec(text), 2);
    case VersionGrammar.SLES:
      // `12 SP3`, `12-SP3` and `12sp3` are `12.3`.
      return numeric(MAJOR_MINOR.exec(text.replace(SERVICE_PACK, '.')), 2);
    case VersionGrammar.UBUNTU:
      return numeric(UBUNTU_VERSION.exec(text), 2);
    case VersionGrammar.MAJOR:
      return numeric(MAJOR_ONLY.exec(text), 1);
    case VersionGrammar.AMAZON_LINUX: {
      const m = MAJOR_ONLY.exec(text.replace(/^(\d+)\.\d+/, '$1'));
      if (!m) {
        return undefined;
      }
      const major = Number(m[1]);
      return { key: [major >= AMAZON_LINUX_1_YEARS.from && major <= AMAZON_LINUX_1_YEARS.to ? 1 : major], anyMinor: false };
    }
  }
}

/** A key of `size` parts from a match's groups: a missing part is 0, an `x` minor makes the major alone `anyMinor`. */
function numeric(m: readonly (string | undefined)[] | null, size: number): OsVersion | undefined {
  if (!m) {
    return undefined;
  }
  if (m[2] === 'x') {
    return { key: [Number(m[1])], anyMinor: true };
  }
  const key = [Number(m[1]), Number(m[2] ?? 0)].slice(0, size);
  return { key, anyMinor: false };
}

/** A VM's OS as the matrix reads it: its row, and its version when `os.version` reads by the row's grammar. */
export interface MatrixOs {
  readonly entry: MatrixEntry;
  /** @default - `os.version` is missing or does not read */
  readonly version?: OsVersion;
}

/**
 * A VM's matrix row and version in one call, for rules of other sections that judge by release
 * (`RHEL 8.x`, Windows Server 2012 to 2025); undefined when the name is not in the matrix.
 */
export function readOs(os: OsFacts | undefined): MatrixOs | undefined {
  const entry = matrixEntry(os);
  if (entry === undefined) {
    return undefined;
  }
  const raw = os?.version == null ? '' : String(os.version).trim();
  const version = raw === '' ? undefined : readVersion(entry, raw);
  return version === undefined ? { entry } : { entry, version };
}

/** Compares two keys part by part; a missing part counts as 0. */
export function compareKeys(a: VersionKey, b: VersionKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) {
      return diff < 0 ? -1 : 1;
    }
  }
  return 0;
}

/** Whether a version is listed: yes, no, or undetermined (`8.x` where only some 8 minors are listed). */
export enum Listing {
  LISTED = 'listed',
  NOT_LISTED = 'not-listed',
  UNDETERMINED = 'undetermined',
}

/** Whether the matrix lists a version for its distribution, retirement aside (MGN-OS2). */
export function listing(entry: MatrixEntry, version: OsVersion): Listing {
  if (!version.anyMinor) {
    const listed = entry.supported.some((r) => compareKeys(r.from, version.key) <= 0 && compareKeys(version.key, r.to) <= 0);
    return listed ? Listing.LISTED : Listing.NOT_LISTED;
  }
  const major = version.key[0];
  // Every minor of the major: a range from major.0 (or earlier) to a later major, since the last minor is not known.
  if (entry.supported.some((r) => compareKeys(r.from, [major, 0]) <= 0 && r.to[0] > major)) {
    return Listing.LISTED;
  }
  return entry.supported.some((r) => r.from[0] <= major && major <= r.to[0]) ? Listing.UNDETERMINED : Listing.NOT_LISTED;
}

/**
 * The retirement date of a version (MGN-OS3): the first unsupported day, undefined when none applies,
 * or Listing.UNDETERMINED for `12.x`-style versions that some minors' retirement covers and others not.
 */
export function retirementDate(entry: MatrixEntry, version: OsVersion): string | undefined | Listing.UNDETERMINED {
  for (const retirement of entry.retirements) {
    const covers = retirement.prefix.every((part, i) => i < version.key.length && version.key[i] === part);
    if (covers && (!version.anyMinor || retirement.prefix.length === 1)) {
      return retirement.date;
    }
    if (version.anyMinor && retirement.prefix[0] === version.key[0]) {
      return Listing.UNDETERMINED;
    }
  }
  return undefined;
}

/** How a version key is written for the distribution: `6.10`, `12 SP3`, `14.04`, `2012 R2`, `6.x`. */
export function displayVersion(entry: MatrixEntry, version: OsVersion): string {
  const [major, minor] = version.key;
  if (entry.grammar === VersionGrammar.WINDOWS_RELEASE) {
    return displayWindowsRelease(entry.releases?.[major] ?? '?');
  }
  if (version.anyMinor) {
    return `${major}.x`;
  }
  switch (entry.grammar) {
    case VersionGrammar.SLES:
      return minor === 0 ? `${major}` : `${major} SP${minor}`;
    case VersionGrammar.UBUNTU:
      return `${major}.${String(minor).padStart(2, '0')}`;
    case VersionGrammar.MAJOR_MINOR:
      return `${major}.${minor}`;
    default:
      return `${major}`;
  }
}

/** The supported versions of a distribution, for messages: `6.0-9.8, 10.0-10.1`, `11 SP4, 12-12 SP5, 15-15 SP7`. */
export function supportedText(entry: MatrixEntry): string {
  const show = (key: VersionKey): string => displayVersion(entry, { key, anyMinor: false });
  return entry.supported
    .map((r) => (compareKeys(r.from, r.to) === 0 ? show(r.from) : `${show(r.from)}-${show(r.to)}`))
    .join(', ');
}

/** The retirements of a distribution, for messages: `6.x from 2026-08-28, 7.x from 2026-11-20`. */
export function retirementsText(entry: MatrixEntry): string {
  return entry.retirements
    .map((r) => {
      const anyMinor = r.prefix.length === 1 && (entry.grammar === VersionGrammar.MAJOR_MINOR || entry.grammar === VersionGrammar.SLES);
      return `${displayVersion(entry, { key: r.prefix, anyMinor })} from ${r.date}`;
    })
    .join(', ');
}

/** The grammar a distribution's version is written in, for unknown messages. */
export function grammarText(entry: MatrixEntry): string {
  switch (entry.grammar) {
    case VersionGrammar.WINDOWS_RELEASE:
      return 'the release name, such as 2012 R2';
    case VersionGrammar.MAJOR_MINOR:
      return 'major.minor, such as 7.9';
    case VersionGrammar.SLES:
      return 'major and service pack, such as 12 SP3';
    case VersionGrammar.UBUNTU:
      return 'YY.MM, such as 20.04';
    case VersionGrammar.AMAZON_LINUX:
      return 'the major, such as 2 or 2023 (2018.03 is 1)';
    default:
      return 'the major, such as 11';
  }
}

/** A Linux kernel release as MGN-OS5 compares it: (A, B, C, R), missing parts 0. */
export type KernelVersion = readonly [number, number, number, number];

const KERNEL = /^(\d+)\.(\d+)(?:\.(\d+))?/;

/**
 * Reads the leading `A.B[.C][-R]` of `os.kernel` (`3.10.0-514.el7.x86_64` is (3, 10, 0, 514)); R is the
 * integer after the first hyphen. Undefined when the text does not start with `A.B`.
 */
export function readKernel(kernel: string): KernelVersion | undefined {
  const text = kernel.trim();
  const m = KERNEL.exec(text);
  if (!m) {
    return undefined;
  }
  const hyphen = text.indexOf('-');
  const release = hyphen < 0 ? undefined : /^\d+/.exec(text.slice(hyphen + 1))?.[0];
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0), Number(release ?? 0)];
}
