import { Architecture, OsFamily } from '../../plan/model/plan';
import { GuestOs, guestIdFacts } from './guest-ids';

/**
 * The display labels of RVTools' two OS columns (inventory-formats.md §6.2, §6.3):
 * `<name>[ <version>] (<32|64>-bit)`, such as `Red Hat Enterprise Linux 7 (64-bit)`. A label is mapped
 * to its vSphere guest id, and the guest id says the facts; the label then narrows or widens the
 * version by what it says itself (`… 2016 (64-bit)` is 2016, `… 2016 or later (64-bit)` is not).
 */

/** A label split by the grammar. */
export interface ParsedLabel {
  /** The label without the bitness: `Red Hat Enterprise Linux 7`. */
  readonly base: string;
  /** From `(32-bit)` / `(64-bit)`; undefined when the label does not say. */
  readonly architecture?: Architecture;
  /** True when the version is a range (`4/5/6`), open (`or later`), `Pre-11 versions`, or the label starts with `Other`. */
  readonly vague: boolean;
}

/** What a label says: the guest id it stands for (when known) and the facts. */
export interface LabelFacts {
  readonly guestId?: string;
  readonly facts: GuestOs;
  /** False for free text no rule recognises (`PanOS 10.1.9`): only keyword facts, never a version. */
  readonly recognised: boolean;
}

/** Splits a label into its base, its architecture and whether its version is vague. */
export function parseLabel(label: string): ParsedLabel {
  const text = label.replace(/\s+/g, ' ').trim();
  const bits = text.match(/\s*\((32|64)[- ]bit\)$/i);
  const base = bits ? text.slice(0, bits.index).trim() : text;
  const architecture = bits ? (bits[1] === '64' ? Architecture.X86_64 : Architecture.X86) : undefined;
  const vague = /\d\/\d|\bor later\b|\bpre-\d+|^other\b/i.test(base);
  return { base, ...(architecture ? { architecture } : {}), vague };
}

/**
 * A label rule: its pattern (on the base, case-insensitive) and the guest id plus the version it states, and the
 * name when the label is more precise than the id (`CentOS Stream 8` has the id of CentOS 8).
 */
type LabelRule = readonly [RegExp, (m: RegExpMatchArray, x64: boolean) => { id: string; name?: string; version?: string; edition?: string }];

const ED: Readonly<Record<string, string>> = { web: 'Web', standard: 'Standard', enterprise: 'Enterprise', datacenter: 'Datacenter' };
const SERVER_IDS: Readonly<Record<string, string>> = {
  2016: 'windows9Server64Guest', 2019: 'windows2019srv_64Guest', 2022: 'windows2019srvNext_64Guest', 2025: 'windows2022srvNext_64Guest',
};

function windowsServer(m: RegExpMatchArray, x64: boolean): { id: string; version?: string; edition?: string } {
  const year = m[1];
  const r2 = m[2] !== undefined;
  const edition = m[4]?.toLowerCase();
  const withEdition = edition ? { edition } : {};
  switch (year) {
    case '2003':
      // vSphere has no 2003 R2 id: only a label that says R2 is certain about it.
      return { id: `winNet${ED[edition ?? 'standard']}${x64 ? '64' : ''}Guest`, ...(r2 ? { version: '2003 R2' } : {}), ...withEdition };
    case '2008':
      return r2 ? { id: 'windows7Server64Guest', ...withEdition } : { id: `winLonghorn${x64 ? '64' : ''}Guest`, ...withEdition };
    case '2012':
      // The 2012 label covers 2012 R2 too.
      return { id: 'windows8Server64Guest', ...(r2 ? { version: '2012 R2' } : {}), ...withEdition };
    default:
      return { id: SERVER_IDS[year] ?? 'windows9Server64Guest', version: year, ...withEdition };
  }
}

const CLIENT_IDS: Readonly<Record<string, [string, string | undefined]>> = {
  'xp': ['winXPPro', 'XP'], 'vista': ['winVista', 'Vista'], '7': ['windows7', '7'], '8': ['windows8', undefined],
  '8.x': ['windows8', undefined], '8.1': ['windows8', '8.1'], '10': ['windows9', '10'], '11': ['windows11', '11'],
};

const RULES: readonly LabelRule[] = [
  [/^microsoft windows server (\d{4})( r2)?( or later)?(?: (web|standard|enterprise|datacenter))?(?: edition)?$/i, windowsServer],
  [/^microsoft windows (xp|vista|7|8|8\.x|8\.1|10|11)(?: (home|professional))?(?: edition)?$/i, (m, x64) => {
    const [prefix, version] = CLIENT_IDS[m[1].toLowerCase()];
    const home = m[2]?.toLowerCase() === 'home';
    const id = home ? 'winXPHomeGuest' : prefix === 'winXPPro' || prefix === 'winVista'
      ? `${prefix}${x64 ? '64' : ''}Guest` : prefix === 'windows11' ? 'windows11_64Guest' : `${prefix}${x64 ? '_64' : ''}Guest`;
    return { id, ...(version ? { version } : {}), ...(m[2] ? { edition: m[2].toLowerCase() } : {}) };
  }],
  [/^red hat enterprise linux (\d+)$/i, (m, x64) => ({ id: `rhel${m[1]}${x64 ? '_64' : ''}Guest` })],
  [/^centos stream (\d+)$/i, (m, x64) => ({ id: `centos${m[1]}${x64 ? '_64' : ''}Guest`, name: 'centos-stream', version: m[1] })],
  [/^centos (\d+)$/i, (m, x64) => ({ id: `centos${m[1]}${x64 ? '_64' : ''}Guest` })],
  [/^centos [\d/]+(?: or later)?$/i, (_m, x64) => ({ id: `centos${x64 ? '64' : ''}Guest` })],
  [/^oracle linux (\d+)$/i, (m, x64) => ({ id: `oracleLinux${m[1]}${x64 ? '_64' : ''}Guest` })],
  [/^oracle linux [\d/]+(?: or later)?$/i, (_m, x64) => ({ id: `oracleLinux${x64 ? '64' : ''}Guest` })],
  [/^suse linux enterprise (\d+)$/i, (m, x64) => ({ id: `sles${m[1]}${x64 ? '_64' : ''}Guest` })],
  [/^suse linux enterprise [\d/]+$/i, (_m, x64) => ({ id: `sles${x64 ? '64' : ''}Guest` })],
  [/^suse opensuse$/i, (_m, x64) => ({ id: `opensuse${x64 ? '64' : ''}Guest` })],
  [/^ubuntu linux$/i, (_m, x64) => ({ id: `ubuntu${x64 ? '64' : ''}Guest` })],
  [/^debian gnu\/linux (\d+)$/i, (m, x64) => ({ id: `debian${m[1]}${x64 ? '_64' : ''}Guest` })],
  [/^amazon linux (\d+)$/i, (m) => ({ id: `amazonlinux${m[1]}_64Guest` })],
  [/^rocky linux(?: (\d+))?$/i, (m) => ({ id: 'rockylinux_64Guest', ...(m[1] ? { version: m[1] } : {}) })],
  [/^almalinux(?: (\d+))?$/i, (m) => ({ id: 'almalinux_64Guest', ...(m[1] ? { version: m[1] } : {}) })],
  [/^red hat fedora$/i, (_m, x64) => ({ id: `fedora${x64 ? '64' : ''}Guest` })],
  [/^vmware photon os$/i, () => ({ id: 'vmwarePhoton64Guest' })],
  [/^freebsd(?: (\d+))?( or later versions| pre-11 versions)?$/i, (m, x64) => ({ id: `freebsd${m[1] ?? ''}${x64 ? (m[1] ? '_64' : '64') : ''}Guest` })],
  [/^oracle solaris (\d+)$/i, (m, x64) => ({ id: `solaris${m[1]}${x64 ? '_64' : ''}Guest` })],
  [/^other (2\.4|2\.6|3|4|5|6|7)\.x(?: or later)? linux$/i, (m, x64) => ({ id: `other${m[1].replace('.', '')}xLinux${x64 ? '64' : ''}Guest` })],
  [/^other linux$/i, (_m, x64) => ({ id: `otherLinux${x64 ? '64' : ''}Guest` })],
  [/^other$/i, (_m, x64) => ({ id: `otherGuest${x64 ? '64' : ''}` })],
];

/** The guest id a label stands for (§6.3), or undefined for a label no rule knows. */
export function labelGuestId(label: string): string | undefined {
  const parsed = parseLabel(label);
  for (const [pattern, make] of RULES) {
    const match = parsed.base.match(pattern);
    if (match) {
      return make(match, parsed.architecture !== Architecture.X86).id;
    }
  }
  return undefined;
}

/** Distribution names found in free text, most specific first. */
const KEYWORDS: readonly (readonly [RegExp, OsFamily, string | undefined])[] = [
  [/windows server/i, OsFamily.WINDOWS, 'windows-server'],
  [/windows/i, OsFamily.WINDOWS, undefined],
  [/red hat enterprise|\brhel\b/i, OsFamily.LINUX, 'rhel'],
  [/centos stream/i, OsFamily.LINUX, 'centos-stream'],
  [/centos/i, OsFamily.LINUX, 'centos'],
  [/oracle (?:enterprise )?linux/i, OsFamily.LINUX, 'oracle-linux'],
  [/suse linux enterprise|\bsles\b/i, OsFamily.LINUX, 'sles'],
  [/opensuse/i, OsFamily.LINUX, 'opensuse'],
  [/ubuntu/i, OsFamily.LINUX, 'ubuntu'],
  [/debian/i, OsFamily.LINUX, 'debian'],
  [/fedora/i, OsFamily.LINUX, 'fedora'],
  [/amazon linux/i, OsFamily.LINUX, 'amazon-linux'],
  [/rocky/i, OsFamily.LINUX, 'rocky'],
  [/alma ?linux/i, OsFamily.LINUX, 'almalinux'],
  [/photon/i, OsFamily.LINUX, 'photon os'],
  [/freebsd/i, OsFamily.OTHER, 'freebsd'],
  [/linux/i, OsFamily.LINUX, undefined],
];

/** The family and name free text names by keyword, without a version (free text has no grammar to trust). */
export function keywordFacts(text: string): GuestOs {
  for (const [pattern, family, name] of KEYWORDS) {
    if (pattern.test(text)) {
      return { family, ...(name ? { name } : {}) };
    }
  }
  return {};
}

/**
 * The facts of labels read before. An estate repeats a few dozen labels over thousands of VMs, and
 * each reading tries a label against a few dozen patterns; the facts are read-only, so one object
 * serves every VM with the label.
 */
const LABEL_FACTS = new Map<string, LabelFacts>();
/** Enough for any estate's labels; a file of junk in the label columns stops filling the cache there. */
const MAX_LABELS_KEPT = 10_000;

/**
 * The facts of a display label: through its guest id when a rule recognises it, with the version
 * the label itself states where that is more precise, no version when the label is vague, and the
 * architecture only when the label says 32-bit or 64-bit.
 */
export function labelFacts(label: string): LabelFacts {
  let facts = LABEL_FACTS.get(label);
  if (facts === undefined) {
    facts = readLabel(label);
    if (LABEL_FACTS.size < MAX_LABELS_KEPT) {
      LABEL_FACTS.set(label, facts);
    }
  }
  return facts;
}

/** labelFacts() without the cache. */
function readLabel(label: string): LabelFacts {
  const parsed = parseLabel(label);
  const arch = parsed.architecture ? { architecture: parsed.architecture } : {};
  for (const [pattern, make] of RULES) {
    const match = parsed.base.match(pattern);
    if (!match) {
      continue;
    }
    const made = make(match, parsed.architecture !== Architecture.X86);
    const id = guestIdFacts(made.id) ?? {};
    // The label's own words decide the version and edition; the architecture comes from its bitness.
    const version = parsed.vague ? undefined : made.version ?? id.version;
    const name = made.name ?? id.name;
    return {
      guestId: made.id,
      facts: {
        ...(id.family ? { family: id.family } : {}),
        ...(name ? { name } : {}),
        ...(version ? { version } : {}),
        ...(made.edition ? { edition: made.edition } : {}),
        ...arch,
      },
      recognised: true,
    };
  }
  return { facts: { ...keywordFacts(parsed.base), ...arch }, recognised: false };
}
