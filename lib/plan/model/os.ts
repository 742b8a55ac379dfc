import { OsFacts, OsFamily } from './plan';

/**
 * Operating-system names as the rules know them. `name` in a plan is free text; these are the values
 * the rules recognise once aliases and case are folded.
 */
export enum OsName {
  WINDOWS_SERVER = 'windows-server',
  WINDOWS_CLIENT = 'windows-client',
  UBUNTU = 'ubuntu',
  RHEL = 'rhel',
  CENTOS = 'centos',
  SLES = 'sles',
  DEBIAN = 'debian',
  ORACLE_LINUX = 'oracle-linux',
  FEDORA = 'fedora',
  AMAZON_LINUX = 'amazon-linux',
  CENTOS_STREAM = 'centos-stream',
  ROCKY = 'rocky',
  ALMALINUX = 'almalinux',
}

const ALIASES: Record<string, OsName> = {
  'windows-server': OsName.WINDOWS_SERVER,
  'windows server': OsName.WINDOWS_SERVER,
  'windows-client': OsName.WINDOWS_CLIENT,
  'windows client': OsName.WINDOWS_CLIENT,
  'ubuntu': OsName.UBUNTU,
  'rhel': OsName.RHEL,
  'redhat': OsName.RHEL,
  'red hat enterprise linux': OsName.RHEL,
  'centos': OsName.CENTOS,
  'sles': OsName.SLES,
  'suse': OsName.SLES,
  'suse linux enterprise server': OsName.SLES,
  'debian': OsName.DEBIAN,
  'oracle-linux': OsName.ORACLE_LINUX,
  'oracle linux': OsName.ORACLE_LINUX,
  'oraclelinux': OsName.ORACLE_LINUX,
  'ol': OsName.ORACLE_LINUX,
  'fedora': OsName.FEDORA,
  'fedora-server': OsName.FEDORA,
  'fedora server': OsName.FEDORA,
  'amazon-linux': OsName.AMAZON_LINUX,
  'amazon linux': OsName.AMAZON_LINUX,
  'amazonlinux': OsName.AMAZON_LINUX,
  'centos-stream': OsName.CENTOS_STREAM,
  'centos stream': OsName.CENTOS_STREAM,
  'rocky': OsName.ROCKY,
  'rocky-linux': OsName.ROCKY,
  'rocky linux': OsName.ROCKY,
  'almalinux': OsName.ALMALINUX,
  'alma-linux': OsName.ALMALINUX,
  'alma linux': OsName.ALMALINUX,
};

const DISPLAY: Record<OsName, string> = {
  [OsName.WINDOWS_SERVER]: 'Windows Server',
  [OsName.WINDOWS_CLIENT]: 'Windows',
  [OsName.UBUNTU]: 'Ubuntu',
  [OsName.RHEL]: 'RHEL',
  [OsName.CENTOS]: 'CentOS',
  [OsName.SLES]: 'SLES',
  [OsName.DEBIAN]: 'Debian',
  [OsName.ORACLE_LINUX]: 'Oracle Linux',
  [OsName.FEDORA]: 'Fedora Server',
  [OsName.AMAZON_LINUX]: 'Amazon Linux',
  [OsName.CENTOS_STREAM]: 'CentOS Stream',
  [OsName.ROCKY]: 'Rocky Linux',
  [OsName.ALMALINUX]: 'AlmaLinux',
};

/** Linux distributions that only the MGN pack supports; their family is linux all the same. */
const OTHER_LINUX: ReadonlySet<string> = new Set([OsName.AMAZON_LINUX, OsName.CENTOS_STREAM, OsName.ROCKY, OsName.ALMALINUX]);

/**
 * The recognised OS name of a VM, or undefined when the plan names none.
 *
 * Returns the lower-cased text itself for a name the rules do not know (`freebsd`, `amazon-linux`).
 */
export function osName(os: OsFacts | undefined): OsName | string | undefined {
  if (!os || os.name == null || String(os.name).trim() === '') {
    return undefined;
  }
  const key = String(os.name).trim().toLowerCase();
  return ALIASES[key] ?? key;
}

/** True for the Linux distributions SMS supports. */
export function isSupportedLinux(name: string | undefined): boolean {
  return name === OsName.UBUNTU || name === OsName.RHEL || name === OsName.CENTOS || name === OsName.SLES
    || name === OsName.DEBIAN || name === OsName.ORACLE_LINUX || name === OsName.FEDORA;
}

/**
 * The Windows release a version string names, folded to a canonical key: `2003`, `2003r2`, `2008`,
 * `2008r2`, `2012`, `2012r2`, `2016`, `2019`, `2022` for servers; `xp`, `vista`, `7`, `8`, `8.1`,
 * `10`, `11` for clients. Returns undefined when there is no version.
 *
 * `Windows Server 2012 R2`, `2012 R2`, `2012r2` and `2012-R2` all give `2012r2`; `2003 SP2` gives
 * `2003` (the service pack is `servicePack`'s) and `2012 R1` gives `2012`.
 */
export function windowsRelease(os: OsFacts | undefined): string | undefined {
  if (!os || os.version == null) {
    return undefined;
  }
  const text = String(os.version).toLowerCase()
    .replace(/microsoft|windows|server/g, '')
    .replace(/[\s_-]+/g, '')
    // The service pack is its own fact (`servicePack`), and "2012 R1" is plain 2012.
    .replace(/(?:sp|servicepack)\d+$/, '')
    .replace(/^(\d{4})r1$/, '$1')
    .trim();
  return text === '' ? undefined : text;
}

const WINDOWS_DISPLAY: Record<string, string> = {
  '2003r2': '2003 R2',
  '2008r2': '2008 R2',
  '2012r2': '2012 R2',
  'xp': 'XP',
  'vista': 'Vista',
};

/** A person's name for a Windows release key: `2012r2` is `2012 R2`. */
export function displayWindowsRelease(release: string): string {
  return WINDOWS_DISPLAY[release] ?? release;
}

/**
 * How a message names the VM's OS: `RHEL 7.4`, `Windows Server 2012 R2`, `Windows 10`,
 * `freebsd 12`, or `the OS` when nothing is known.
 */
export function describeOs(os: OsFacts | undefined): string {
  const name = osName(os);
  if (name === undefined) {
    return os?.family ? `the ${os.family} OS` : 'the OS';
  }
  const label = (DISPLAY as Record<string, string>)[name] ?? String(os!.name);
  if (os!.version == null || String(os!.version).trim() === '') {
    return label;
  }
  if (name === OsName.WINDOWS_SERVER || name === OsName.WINDOWS_CLIENT) {
    const release = windowsRelease(os);
    return `${label} ${release ? displayWindowsRelease(release) : os!.version}`;
  }
  return `${label} ${String(os!.version).trim()}`;
}

/**
 * The OS family, taken from `family` or, when that is absent, inferred from a recognised name.
 */
export function osFamily(os: OsFacts | undefined): OsFamily | undefined {
  if (os?.family) {
    return os.family;
  }
  const name = osName(os);
  if (name === OsName.WINDOWS_SERVER || name === OsName.WINDOWS_CLIENT) {
    return OsFamily.WINDOWS;
  }
  if (isSupportedLinux(name) || (name !== undefined && OTHER_LINUX.has(name))) {
    return OsFamily.LINUX;
  }
  return undefined;
}
