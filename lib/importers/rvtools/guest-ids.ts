import { Architecture, OsFamily } from '../../plan/model/plan';

/**
 * What a vSphere guest id (VirtualMachineGuestOsIdentifier, inventory-formats.md §14) says about the
 * operating system, and only what it says for certain.
 *
 * A guest id that stands for several releases gets no version: `windows8Server64Guest` is Windows
 * Server 2012 or 2012 R2, `windows9Server64Guest` is 2016 or (on hosts that predate the 2019 id)
 * 2019 or 2022, `winNetStandardGuest` is 2003 or 2003 R2, `sles12_64Guest` is any service pack of 12
 * (and in a plan `12` means 12 without a service pack, so writing it would be a guess).
 */

/** Operating-system facts as the plan writes them. */
export interface GuestOs {
  readonly family?: OsFamily;
  readonly name?: string;
  readonly version?: string;
  readonly edition?: string;
  readonly architecture?: Architecture;
}

type Facts = Omit<GuestOs, 'architecture'>;

const W = OsFamily.WINDOWS;
const L = OsFamily.LINUX;
const O = OsFamily.OTHER;
const SERVER = 'windows-server';
const CLIENT = 'windows-client';

const WIN2003_EDITIONS: Readonly<Record<string, string>> = {
  Web: 'web', Standard: 'standard', Enterprise: 'enterprise', Datacenter: 'datacenter', Business: 'small business',
};

const WIN9X: Readonly<Record<string, string>> = { 31: '3.1', 95: '95', 98: '98', Me: 'me' };

/** macOS releases by Darwin guest id number: `darwin` is 10.5, `darwin10` 10.6 … `darwin19` 10.15, `darwin20` 11. */
function macosVersion(n: string | undefined): string {
  const number = n === undefined || n === '' ? 9 : Number(n);
  return number <= 19 ? `10.${number - 4}` : String(number - 9);
}

/** Guest id patterns, tried in order; the `64` in an id marks a 64-bit guest. */
const RULES: readonly (readonly [RegExp, (m: RegExpMatchArray) => Facts])[] = [
  [/^dosGuest$/, () => ({ family: O, name: 'ms-dos' })],
  [/^win(31|95|98|Me)Guest$/, (m) => ({ family: W, name: CLIENT, version: WIN9X[m[1]] })],
  // Windows NT 4 was a server and a workstation: which one is not said.
  [/^winNTGuest$/, () => ({ family: W })],
  [/^win2000ProGuest$/, () => ({ family: W, name: CLIENT, version: '2000', edition: 'professional' })],
  [/^win2000ServGuest$/, () => ({ family: W, name: SERVER, version: '2000' })],
  [/^win2000AdvServGuest$/, () => ({ family: W, name: SERVER, version: '2000', edition: 'advanced server' })],
  [/^winXPHomeGuest$/, () => ({ family: W, name: CLIENT, version: 'XP', edition: 'home' })],
  [/^winXPPro(64)?Guest$/, () => ({ family: W, name: CLIENT, version: 'XP', edition: 'professional' })],
  // No separate id for 2003 R2: the release is not certain, the edition is.
  [/^winNet(Web|Standard|Enterprise|Datacenter|Business)(64)?Guest$/, (m) => ({ family: W, name: SERVER, edition: WIN2003_EDITIONS[m[1]] })],
  [/^winLonghorn(64)?Guest$/, () => ({ family: W, name: SERVER, version: '2008' })],
  [/^winVista(64)?Guest$/, () => ({ family: W, name: CLIENT, version: 'Vista' })],
  [/^windows7Server64Guest$/, () => ({ family: W, name: SERVER, version: '2008 R2' })],
  [/^windows7(_64)?Guest$/, () => ({ family: W, name: CLIENT, version: '7' })],
  // Windows 8 or 8.1.
  [/^windows8(_64)?Guest$/, () => ({ family: W, name: CLIENT })],
  // Windows Server 2012 or 2012 R2.
  [/^windows8Server64Guest$/, () => ({ family: W, name: SERVER })],
  [/^windows9(_64)?Guest$/, () => ({ family: W, name: CLIENT, version: '10' })],
  // Windows Server 2016, or a later release on hosts that had no id for it ("2016 or later").
  [/^windows9Server64Guest$/, () => ({ family: W, name: SERVER })],
  [/^windows(11|12)_64Guest$/, (m) => ({ family: W, name: CLIENT, version: m[1] })],
  [/^windowsHyperVGuest$/, () => ({ family: W, name: 'hyper-v server' })],
  [/^windows2019srv_64Guest$/, () => ({ family: W, name: SERVER, version: '2019' })],
  [/^windows2019srvNext_64Guest$/, () => ({ family: W, name: SERVER, version: '2022' })],
  [/^windows2022srvNext_64Guest$/, () => ({ family: W, name: SERVER, version: '2025' })],
  [/^freebsd(?:64)?Guest$/, () => ({ family: O, name: 'freebsd' })],
  [/^freebsd(\d+)(?:_64)?Guest$/, (m) => ({ family: O, name: 'freebsd', version: m[1] })],
  // Red Hat Linux 2.1, the predecessor of RHEL, not RHEL.
  [/^redhatGuest$/, () => ({ family: L, name: 'red hat linux', version: '2.1' })],
  [/^rhel(\d+)(?:_64)?Guest$/, (m) => ({ family: L, name: 'rhel', version: m[1] })],
  // The ids without a release number come first: in `centos64Guest` the 64 is the bitness.
  [/^centos(?:64)?Guest$/, () => ({ family: L, name: 'centos' })],
  // CentOS Linux ended with 8: from 9 on, CentOS is CentOS Stream. (`centos8_64Guest` is Linux 8 or Stream 8.)
  [/^centos(9|[1-9]\d+)(?:_64)?Guest$/, (m) => ({ family: L, name: 'centos-stream', version: m[1] })],
  [/^centos(\d+)(?:_64)?Guest$/, (m) => ({ family: L, name: 'centos', version: m[1] })],
  [/^oracleLinux(?:64)?Guest$/, () => ({ family: L, name: 'oracle-linux' })],
  [/^oracleLinux(\d+)(?:_64)?Guest$/, (m) => ({ family: L, name: 'oracle-linux', version: m[1] })],
  // SUSE Linux (the desktop distribution before openSUSE), not SUSE Linux Enterprise.
  [/^suse(?:64)?Guest$/, () => ({ family: L, name: 'suse linux' })],
  // Every service pack of the release: a version would read as the release without one.
  [/^sles(?:\d+)?(?:_?64)?Guest$/, () => ({ family: L, name: 'sles' })],
  [/^nld9Guest$/, () => ({ family: L, name: 'novell linux desktop', version: '9' })],
  [/^oesGuest$/, () => ({ family: L, name: 'open enterprise server' })],
  [/^sjdsGuest$/, () => ({ family: L, name: 'sun java desktop system' })],
  [/^mandrakeGuest$/, () => ({ family: L, name: 'mandrake' })],
  [/^mandriva(?:64)?Guest$/, () => ({ family: L, name: 'mandriva' })],
  [/^turboLinux(?:64)?Guest$/, () => ({ family: L, name: 'turbolinux' })],
  [/^ubuntu(?:64)?Guest$/, () => ({ family: L, name: 'ubuntu' })],
  [/^debian(\d+)(?:_64)?Guest$/, (m) => ({ family: L, name: 'debian', version: m[1] })],
  [/^asianux(\d+)(?:_64)?Guest$/, (m) => ({ family: L, name: 'asianux', version: m[1] })],
  [/^miraclelinux_64Guest$/, () => ({ family: L, name: 'miracle linux' })],
  [/^pardus_64Guest$/, () => ({ family: L, name: 'pardus' })],
  [/^opensuse(?:64)?Guest$/, () => ({ family: L, name: 'opensuse' })],
  [/^fedora(?:64)?Guest$/, () => ({ family: L, name: 'fedora' })],
  [/^coreos64Guest$/, () => ({ family: L, name: 'coreos' })],
  [/^vmwarePhoton64Guest$/, () => ({ family: L, name: 'photon os' })],
  // "Other … Linux": Linux, but which distribution is not said.
  [/^(?:other(?:24x|26x|3x|4x|5x|6x|7x)?|generic)Linux(?:64)?Guest$/, () => ({ family: L })],
  [/^solaris(\d+)(?:_64)?Guest$/, (m) => ({ family: O, name: 'solaris', version: m[1] })],
  [/^fusionos_64Guest$/, () => ({ family: L, name: 'fusionos' })],
  [/^prolinux_64Guest$/, () => ({ family: L, name: 'prolinux' })],
  [/^kylinlinux_64Guest$/, () => ({ family: L, name: 'kylin linux' })],
  [/^os2Guest$/, () => ({ family: O, name: 'os/2' })],
  [/^eComStation(2)?Guest$/, (m) => ({ family: O, name: 'ecomstation', version: m[1] ? '2.0' : '1' })],
  [/^netware(\d)Guest$/, (m) => ({ family: O, name: 'netware', version: m[1] === '5' ? '5.1' : m[1] })],
  [/^openServer(\d)Guest$/, (m) => ({ family: O, name: 'sco openserver', version: m[1] })],
  [/^unixWare7Guest$/, () => ({ family: O, name: 'sco unixware', version: '7' })],
  [/^darwin(?:64)?Guest$/, () => ({ family: O, name: 'macos', version: macosVersion(undefined) })],
  [/^darwin(\d+)(?:_64)?Guest$/, (m) => ({ family: O, name: 'macos', version: macosVersion(m[1]) })],
  // vmkernel65Guest is ESXi 6.5 or 6.7.
  [/^vmkernel(\d*)Guest$/, (m) => ({ family: O, name: 'esxi', ...(m[1] === '65' ? {} : { version: m[1] === '' ? '4' : m[1] }) })],
  // `amazonlinux3_64Guest` ("Amazon Linux 3") is the release that shipped as Amazon Linux 2023.
  [/^amazonlinux(\d+)_64Guest$/, (m) => ({ family: L, name: 'amazon-linux', version: m[1] === '3' ? '2023' : m[1] })],
  [/^crx(?:Pod|Sys)1Guest$/, () => ({ family: O, name: 'crx' })],
  [/^rockylinux_64Guest$/, () => ({ family: L, name: 'rocky' })],
  [/^almalinux_64Guest$/, () => ({ family: L, name: 'almalinux' })],
  // "Other": the administrator did not say, so not even the family is certain.
  [/^otherGuest(?:64)?$/, () => ({})],
];

/** The architecture a guest id states: a `64` marker is x86_64, none is x86 (ESXi and CRX ids say nothing). */
function guestIdArchitecture(id: string): Architecture | undefined {
  if (/^(vmkernel|crx)/.test(id)) {
    return undefined;
  }
  return id.includes('64') ? Architecture.X86_64 : Architecture.X86;
}

/** The operating-system facts of a guest id; undefined for an id this table does not know. */
export function guestIdFacts(guestId: string): GuestOs | undefined {
  const id = guestId.trim();
  for (const [pattern, facts] of RULES) {
    const match = id.match(pattern);
    if (match) {
      const architecture = guestIdArchitecture(id);
      return { ...facts(match), ...(architecture ? { architecture } : {}) };
    }
  }
  return undefined;
}
