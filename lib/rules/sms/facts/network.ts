import { Nic, Vm } from '../../../plan/model/plan';
import { RuleResult, unknown } from '../../../assessment/rule';

/**
 * Helpers shared by the network rules (SMS-NET1 to SMS-NET4). Not part of the public API.
 */

/** A NIC with its 0-based position in `nics` and the name messages use for it. */
export interface IndexedNic {
  /** The nic as the plan writes it. */
  readonly nic: Nic;
  /** 0-based position in `nics`. */
  readonly index: number;
  /** `nic 2 (10.0.0.5, fd00::5)`, or `nic 2` when it lists no address (1-based). */
  readonly label: string;
}

function addresses(list: readonly string[] | undefined): string[] {
  return Array.isArray(list) ? list.map((a) => String(a).trim()).filter((a) => a !== '') : [];
}

/** The NIC's IPv4 addresses as written (entries that hold a `:` are IPv6, see ipv6Addresses). */
export function ipv4Addresses(nic: Nic): string[] {
  return addresses(nic.ipv4).filter((a) => !a.includes(':'));
}

/**
 * The NIC's IPv6 addresses: those in `ipv6`, and any entry of `ipv4` that is IPv6 (holds a `:`),
 * since some importers write every guest address in one list.
 */
export function ipv6Addresses(nic: Nic): string[] {
  return [...addresses(nic.ipv6), ...addresses(nic.ipv4).filter((a) => a.includes(':'))];
}

/** The VM's NICs with positions and labels, or undefined when the plan lists none (`nics` absent). */
export function indexedNics(vm: Vm): IndexedNic[] | undefined {
  if (!Array.isArray(vm.nics)) {
    return undefined;
  }
  return vm.nics.map((nic, index) => new NicEntry(nic, index));
}

/** An IndexedNic whose label is only built when a message needs it (most VMs pass every rule). */
class NicEntry implements IndexedNic {
  constructor(readonly nic: Nic, readonly index: number) {}

  get label(): string {
    const all = [...ipv4Addresses(this.nic), ...ipv6Addresses(this.nic)];
    return all.length > 0 ? `nic ${this.index + 1} (${all.join(', ')})` : `nic ${this.index + 1}`;
  }
}

/** The unknown a network rule reports when the plan has no `nics` at all. */
export function nicsNotRecorded(requirement: string): RuleResult {
  return unknown(`the VM's network interfaces are not recorded (nics): ${requirement}`);
}

/** How a message lists NICs: `nic 1 (10.0.0.5), nic 2`. */
export function listNics(nics: readonly IndexedNic[]): string {
  return nics.map((n) => n.label).join(', ');
}

/** IPv4 ranges that are not publicly routable: private, shared (CGNAT), loopback, link-local, multicast and reserved. */
const NON_PUBLIC: ReadonlyArray<readonly [number, number]> = [
  [0x00000000, 8], // 0.0.0.0/8 "this network"
  [0x0a000000, 8], // 10.0.0.0/8
  [0x64400000, 10], // 100.64.0.0/10 shared address space
  [0x7f000000, 8], // 127.0.0.0/8 loopback
  [0xa9fe0000, 16], // 169.254.0.0/16 link-local
  [0xac100000, 12], // 172.16.0.0/12
  [0xc0000000, 24], // 192.0.0.0/24 protocol assignments
  [0xc0000200, 24], // 192.0.2.0/24 documentation
  [0xc0a80000, 16], // 192.168.0.0/16
  [0xc6120000, 15], // 198.18.0.0/15 benchmarking
  [0xc6336400, 24], // 198.51.100.0/24 documentation
  [0xcb007100, 24], // 203.0.113.0/24 documentation
  [0xe0000000, 3], // 224.0.0.0/3 multicast and reserved
];

/**
 * True when the text is a dotted-quad IPv4 address (optionally with a `/prefix`) outside every
 * private and special-purpose range: an address the internet can route to.
 */
export function isPublicIpv4(text: string): boolean {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(\/\d{1,2})?$/.exec(text.trim());
  if (!match) {
    return false;
  }
  const octets = match.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) {
    return false;
  }
  const value = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
  return !NON_PUBLIC.some(([base, bits]) => (value >>> (32 - bits)) === (base >>> (32 - bits)));
}
