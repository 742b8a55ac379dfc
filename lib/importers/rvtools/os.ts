import { Architecture, OsFacts, OsFamily } from '../../plan/model/plan';
import { GuestOs } from './guest-ids';
import { keywordFacts, LabelFacts, labelFacts } from './os-labels';
import { parseText } from './values';

/**
 * A VM's operating system from RVTools' vInfo (inventory-formats.md §6.1): `Guest Detailed Data`
 * when it names the release, else the label the VMware Tools report, else (when that one is empty, not
 * a label, or junk) the label the administrator chose in the VM's configuration (often stale). Only what
 * the chosen source states for certain is kept: `Red Hat Enterprise Linux 7 (64-bit)` gives rhel, x86_64
 * and version 7, never a minor.
 */

/** The OS cells of one vInfo row. */
export interface OsCells {
  readonly config?: string;
  readonly tools?: string;
  readonly detailed?: string;
}

/** The OS facts of a VM, and a note when its label was not understood. */
export interface VmOs {
  readonly os?: OsFacts;
  /** Why the OS is only partly known, for a warning. */
  readonly note?: string;
}

/** Parses `Guest Detailed Data`: `key='value'` pairs. */
export function parseDetailedData(text: string): Record<string, string> {
  const fields: Record<string, string> = Object.create(null);
  for (const match of text.matchAll(/(\w+)='([^']*)'/g)) {
    if (!(match[1] in fields)) {
      fields[match[1]] = match[2];
    }
  }
  return fields;
}

const EDITIONS: readonly (readonly [RegExp, string])[] = [
  [/\bdatacenter\b/i, 'datacenter'], [/\bstandard\b/i, 'standard'], [/\benterprise\b/i, 'enterprise'],
  [/\bpro(?:fessional)?\b/i, 'professional'], [/\beducation\b/i, 'education'], [/\bhome\b/i, 'home'],
  [/\bweb\b/i, 'web'], [/\bessentials\b/i, 'essentials'], [/\bultimate\b/i, 'ultimate'],
];

/** Windows facts from a pretty name such as `Microsoft Windows Server 2019 Datacenter`. */
function windowsFromPrettyName(pretty: string): GuestOs {
  const server = pretty.match(/windows server (\d{4})(?: (r2))?/i);
  const client = server ? null : pretty.match(/windows (xp|vista|7|8\.1|8|10|11)\b/i);
  const edition = EDITIONS.find(([pattern]) => pattern.test(pretty))?.[1];
  const withEdition = edition ? { edition } : {};
  if (server) {
    return { family: OsFamily.WINDOWS, name: 'windows-server', version: server[2] ? `${server[1]} R2` : server[1], ...withEdition };
  }
  if (client) {
    const version = client[1].toLowerCase() === 'xp' ? 'XP' : client[1].toLowerCase() === 'vista' ? 'Vista' : client[1];
    return { family: OsFamily.WINDOWS, name: 'windows-client', version, ...withEdition };
  }
  return { family: OsFamily.WINDOWS };
}

/**
 * The facts `Guest Detailed Data` states (RVTools 4.6.1+, from the guest itself): the exact release
 * in `distroVersion` for Linux, the release in `prettyName` for Windows, the bitness, and the Linux
 * kernel release. Undefined when it names no operating system.
 */
export function detailedDataFacts(text: string): (GuestOs & { kernel?: string }) | undefined {
  const f = parseDetailedData(text);
  const family = (f.familyName ?? '').toLowerCase();
  const bits = f.bitness === '64' ? Architecture.X86_64 : f.bitness === '32' ? Architecture.X86 : undefined;
  // Only x86 guests map to the plan's architectures; an Arm guest's architecture stays unknown.
  const architecture = bits && (f.architecture === undefined || /^x86/i.test(f.architecture)) ? { architecture: bits } : {};
  const pretty = f.prettyName ?? '';
  if (family === 'windows' || /windows/i.test(pretty)) {
    return { ...windowsFromPrettyName(pretty), ...architecture };
  }
  const named = keywordFacts(`${f.distroName ?? ''} ${pretty}`);
  if (named.name === undefined) {
    return family === 'linux' ? { family: OsFamily.LINUX, ...architecture } : undefined;
  }
  const version = parseText(f.distroVersion);
  const kernel = parseText(f.kernelVersion);
  return {
    ...named,
    ...(version && /^\d/.test(version) ? { version } : {}),
    ...architecture,
    ...(kernel && named.family === OsFamily.LINUX ? { kernel } : {}),
  };
}

/** The plan's OS facts from guest OS facts, leaving out what is absent. */
function toOsFacts(facts: GuestOs & { kernel?: string }): OsFacts | undefined {
  const os: { -readonly [K in keyof OsFacts]: OsFacts[K] } = {};
  if (facts.family) {
    os.family = facts.family;
  }
  if (facts.name) {
    os.name = facts.name;
  }
  if (facts.version) {
    os.version = facts.version;
  }
  if (facts.edition) {
    os.edition = facts.edition;
  }
  if (facts.architecture) {
    os.architecture = facts.architecture;
  }
  if (facts.kernel) {
    os.kernel = facts.kernel;
  }
  return Object.keys(os).length > 0 ? os : undefined;
}

/** The effective label facts of a row, and a note when a label was not understood. */
interface ChosenLabel {
  readonly label?: string;
  readonly facts?: LabelFacts;
  readonly note?: string;
}

/**
 * The label to trust: the Tools label when it is one the importer knows (what the guest reports, even
 * when it says less than the configuration); else the configuration label when that one is known, as far
 * as the Tools text does not contradict it (free text such as `PanOS 10.1.9`, and junk real exports hold
 * in that column, such as `false` or a network adapter name, say nothing against it); else whatever
 * keywords the filled-in text names.
 */
function chooseLabel(toolsText: string | undefined, configText: string | undefined): ChosenLabel {
  const tools = toolsText === undefined ? undefined : labelFacts(toolsText);
  const config = configText === undefined ? undefined : labelFacts(configText);
  if (tools?.recognised) {
    return { label: toolsText, facts: tools };
  }
  if (config?.recognised) {
    const said = tools?.facts ?? {};
    const conflict = (said.family !== undefined && said.family !== config.facts.family)
      || (said.name !== undefined && said.name !== config.facts.name);
    if (!conflict) {
      return { label: configText, facts: config };
    }
  }
  const label = toolsText ?? configText;
  const facts = tools ?? config;
  if (label === undefined || facts === undefined) {
    return {};
  }
  const os = toOsFacts(facts.facts);
  const kept = os === undefined ? 'the OS is left out' : `only ${Object.entries(os).map(([key, value]) => `${key} ${value}`).join(', ')} is kept`;
  return { label, facts, note: `OS "${label}" is not a label this importer knows: ${kept}` };
}

/**
 * The OS of a VM from its vInfo cells. `Guest Detailed Data` wins when it names the OS, and takes
 * its architecture from the label when it lacks one and the label names the same OS. Otherwise the
 * label chosen by chooseLabel gives what it states for certain.
 */
export function vmOs(cells: OsCells): VmOs {
  const chosen = chooseLabel(parseText(cells.tools), parseText(cells.config));
  const fromLabel = chosen.facts;
  const detailedText = parseText(cells.detailed);
  const detailed = detailedText === undefined ? undefined : detailedDataFacts(detailedText);
  if (detailed?.name !== undefined) {
    const sameOs = fromLabel?.facts.name === detailed.name;
    const architecture = detailed.architecture ?? (sameOs ? fromLabel?.facts.architecture : undefined);
    return { os: toOsFacts({ ...detailed, ...(architecture ? { architecture } : {}) }) };
  }
  if (fromLabel === undefined) {
    return detailed ? { os: toOsFacts(detailed) } : {};
  }
  const os = toOsFacts(fromLabel.facts);
  return chosen.note === undefined ? { os } : { os, note: chosen.note };
}
