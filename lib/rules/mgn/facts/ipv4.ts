/**
 * IPv4 addresses and CIDR blocks as numbers, for the launch-subnet rule (MGN-NET3). Not part of the
 * public API.
 */

/** An IPv4 CIDR block: its network address (host bits cleared) and prefix length. */
export interface Ipv4Cidr {
  /** The network address as an unsigned 32-bit number, host bits cleared. */
  readonly network: number;
  /** The prefix length, 0-32. */
  readonly prefix: number;
}

const DECIMAL = /^(0|[1-9][0-9]{0,2})$/;

/**
 * Reads a dotted-quad IPv4 address (`10.1.2.5`) as an unsigned 32-bit number; undefined for anything
 * else. Each part is a decimal 0-255 without leading zeros (`010` is octal to some resolvers and decimal
 * to others, so it is refused rather than guessed).
 */
export function parseIpv4(text: string): number | undefined {
  const parts = String(text).trim().split('.');
  if (parts.length !== 4) {
    return undefined;
  }
  let value = 0;
  for (const part of parts) {
    if (!DECIMAL.test(part)) {
      return undefined;
    }
    const octet = Number(part);
    if (octet > 255) {
      return undefined;
    }
    value = value * 256 + octet;
  }
  return value;
}

/**
 * Reads an address that may carry a prefix length (`10.1.2.5/24`, as some inventories write a NIC's
 * address): the address alone, or undefined when either part is malformed.
 */
export function parseIpv4Address(text: string): number | undefined {
  const [address, prefix, ...rest] = String(text).trim().split('/');
  if (rest.length > 0 || (prefix !== undefined && parsePrefix(prefix) === undefined)) {
    return undefined;
  }
  return parseIpv4(address);
}

/**
 * Reads an IPv4 CIDR block (`10.1.2.0/24`); undefined for anything else. Host bits set in the address
 * (`10.1.2.7/24`) are cleared: the block is still plain.
 */
export function parseIpv4Cidr(text: string): Ipv4Cidr | undefined {
  const [address, prefixText, ...rest] = String(text).trim().split('/');
  if (rest.length > 0 || prefixText === undefined) {
    return undefined;
  }
  const value = parseIpv4(address);
  const prefix = parsePrefix(prefixText);
  if (value === undefined || prefix === undefined) {
    return undefined;
  }
  return { network: networkOf(value, prefix), prefix };
}

/** True when the address (a number from parseIpv4) lies in the block. */
export function cidrContains(cidr: Ipv4Cidr, address: number): boolean {
  return networkOf(address, cidr.prefix) === cidr.network;
}

/** How many addresses the block holds (2^(32 - prefix)). */
export function cidrSize(cidr: Ipv4Cidr): number {
  return 2 ** (32 - cidr.prefix);
}

/** Writes an address number back as a dotted quad. */
export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
}

function parsePrefix(text: string): number | undefined {
  if (!/^(0|[1-9][0-9]?)$/.test(text)) {
    return undefined;
  }
  const prefix = Number(text);
  return prefix <= 32 ? prefix : undefined;
}

function networkOf(value: number, prefix: number): number {
  // Plain arithmetic rather than shifts: `x << 32` is `x` in JavaScript, and /0 must clear everything.
  const size = 2 ** (32 - prefix);
  return value - (value % size);
}
