import { Architecture, OsFacts, OsFamily } from '../../plan/model/plan';

/** Windows Server releases that exist only as 64-bit editions. */
const X64_ONLY_SERVERS = new Set(['2008 R2', '2012', '2012 R2', '2016', '2019', '2022', '2025']);

/** Linux names SCVMM writes, and the plan's name for each. */
const LINUX_NAMES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^red hat enterprise linux\b/, 'rhel'],
  [/^centos\b/, 'centos'],
  [/^suse linux enterprise\b/, 'sles'],
  [/^ubuntu\b/, 'ubuntu'],
  [/^debian\b/, 'debian'],
  [/^oracle linux\b/, 'oracle-linux'],
  [/^fedora\b/, 'fedora'],
];

/**
 * OS facts from SCVMM's `OperatingSystem` name (inventory-formats.md §6.4): `64-bit edition of Windows
 * Server 2012 Datacenter`, `Windows Server 2016 Datacenter`, `Windows Server 2003 Standard x64 Edition`,
 * `Red Hat Enterprise Linux 7 (64 bit)`, `Ubuntu Linux 20.04 (64 bit)`, `Other Linux (64 bit)`.
 *
 * Only what the name says is kept: SCVMM names a Linux release by its major version (RHEL `7`, which
 * the rules treat as 7.0 to 7.9) and a SLES release without its service pack, so a SLES version is left
 * out rather than read as the release without one. Undefined for `None`, empty or unrecognised names.
 */
export function parseScvmmOs(value: string | undefined): OsFacts | undefined {
  if (value === undefined) {
    return undefined;
  }
  let text = value.trim().replace(/\s+/g, ' ');
  if (text === '' || /^(none|unknown)$/i.test(text)) {
    return undefined;
  }
  let architecture: Architecture | undefined;
  if (/\(64[ -]bit\)|^64-bit edition of |\bx64 edition\b/i.test(text)) {
    architecture = Architecture.X86_64;
  } else if (/\(32[ -]bit\)|^32-bit edition of |\bx86 edition\b/i.test(text)) {
    architecture = Architecture.X86;
  }
  text = text.replace(/^(32|64)-bit edition of /i, '').replace(/\s*\((32|64)[ -]bit\)/i, '').replace(/ (x64|x86) edition$/i, '').trim();
  const lower = text.toLowerCase();
  const arch = architecture ? { architecture } : {};

  const server = /^(?:microsoft )?windows server (\d{4}(?: r2)?)(?: (.+))?$/i.exec(text);
  if (server) {
    const version = server[1].toUpperCase();
    const serverArch = architecture ?? (X64_ONLY_SERVERS.has(version) ? Architecture.X86_64 : undefined);
    return {
      family: OsFamily.WINDOWS,
      name: 'windows-server',
      version,
      ...edition(server[2]),
      ...(serverArch ? { architecture: serverArch } : {}),
    };
  }
  const client = /^(?:microsoft )?windows (xp|vista|7|8\.1|8|10|11)(?: (.+))?$/i.exec(text);
  if (client) {
    return { family: OsFamily.WINDOWS, name: 'windows-client', version: client[1].toLowerCase(), ...edition(client[2]), ...arch };
  }
  if (/^(?:microsoft )?windows\b/i.test(text)) {
    return { family: OsFamily.WINDOWS, ...arch };
  }
  for (const [pattern, name] of LINUX_NAMES) {
    if (pattern.test(lower)) {
      const version = /(\d+(?:\.\d+)*)\s*$/.exec(text.replace(/ sp\d+$/i, ''))?.[1];
      const keepVersion = version !== undefined && name !== 'sles';
      return { family: OsFamily.LINUX, name, ...(keepVersion ? { version } : {}), ...arch };
    }
  }
  if (/\blinux\b/i.test(text)) {
    return { family: OsFamily.LINUX, ...arch };
  }
  return undefined;
}

/** The edition part of a Windows name (`Datacenter`, `Standard`, `Enterprise`), lower-cased, when there is one. */
function edition(rest: string | undefined): { edition?: string } {
  const word = rest?.trim().toLowerCase();
  return word ? { edition: word } : {};
}
