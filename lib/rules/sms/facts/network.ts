import { Nic, Vm } from '../../../plan/model/plan';
import { fail, pass, RuleResult, unknown } from '../../../assessment/rule';

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

const NONE: readonly IndexedNic[] = Object.freeze([]);

/**
 * The VM's NICs that pass `test`, with positions and labels, in plan order; undefined when the plan lists
 * no NICs (`nics` absent). Most VMs have no NIC a rule is looking for: they share one empty list.
 *
 * @param test a constant function, not a closure made per call
 */
export function nicsWhere(vm: Vm, test: (nic: Nic) => boolean): readonly IndexedNic[] | undefined {
  const nics = vm.nics;
  if (!Array.isArray(nics)) {
    return undefined;
  }
  let found: IndexedNic[] | undefined;
  for (let index = 0; index < nics.length; index++) {
    if (test(nics[index])) {
      (found ??= []).push(new NicEntry(nics[index], index));
    }
  }
  return found ?? NONE;
}

/** True when the NIC has an IPv6 address (see ipv6Addresses), without listing them. */
export function hasIpv6(nic: Nic): boolean {
  return (Array.isArray(nic.ipv6) && nic.ipv6.some(isWritten)) || (Array.isArray(nic.ipv4) && nic.ipv4.some(isWrittenIpv6));
}

function isWritten(address: unknown): boolean {
  return String(address).trim() !== '';
}

function isWrittenIpv6(address: unknown): boolean {
  return String(address).includes(':') && String(address).trim() !== '';
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
  // Read by hand rather than with a regular expression and its match arrays: every address of every
  // NIC of every VM comes through here. It accepts what /^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/ does.
  const address = text.trim();
  let value = 0;
  let at = 0;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (address.charCodeAt(at) !== DOT) {
        return false;
      }
      at++;
    }
    const start = at;
    let octet = 0;
    while (at < address.length && at - start < 3 && isDigit(address.charCodeAt(at))) {
      octet = octet * 10 + address.charCodeAt(at) - ZERO;
      at++;
    }
    if (at === start) {
      return false;
    }
    if (octet > 255) {
      // Still an IPv4 address in form, just not a valid one: the same answer either way.
      return false;
    }
    value = value * 256 + octet;
  }
  if (at < address.length) {
    if (address.charCodeAt(at) !== SLASH) {
      return false;
    }
    const start = ++at;
    while (at < address.length && at - start < 2 && isDigit(address.charCodeAt(at))) {
      at++;
    }
    if (at === start || at < address.length) {
      return false;
    }
  }
  for (const [base, bits] of NON_PUBLIC) {
    if ((value >>> (32 - bits)) === (base >>> (32 - bits))) {
      return false;
    }
  }
  return true;
}

const DOT = 0x2e;
const SLASH = 0x2f;
const ZERO = 0x30;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= ZERO + 9;
}

/**
 * Whether any NIC has an IPv6 address, for the rules of both services that say IPv6 is not carried
 * over (SMS-NET2, MGN-NET4): fails naming every address; unknown when `nics` is absent, or a NIC
 * lacks its `ipv6` list (and none fails); `requirement` ends each message.
 */
export function judgeNoIpv6(vm: Vm, requirement: string): RuleResult {
  const withIpv6 = nicsWhere(vm, hasIpv6);
  if (withIpv6 === undefined) {
    return nicsNotRecorded(requirement);
  }
  if (withIpv6.length > 0) {
    const items = withIpv6.map((n) => `nic ${n.index + 1} has ${ipv6Addresses(n.nic).join(', ')}`);
    return fail(`${items.join('; ')}: ${requirement}`);
  }
  const notRecorded = nicsWhere(vm, (nic) => !Array.isArray(nic.ipv6)) ?? [];
  if (notRecorded.length > 0) {
    return unknown(`the IPv6 addresses of ${listNics(notRecorded)} are not recorded (nics[].ipv6): ${requirement}`);
  }
  return pass();
}
