import { cidrContains, cidrSize, formatIpv4, parseIpv4, parseIpv4Address, parseIpv4Cidr } from '../../../../lib/rules/mgn/facts/ipv4';

describe('MGN IPv4 helpers', () => {
  test('reads dotted quads as unsigned numbers', () => {
    expect(parseIpv4('0.0.0.0')).toBe(0);
    expect(parseIpv4(' 10.1.2.5 ')).toBe(0x0a010205);
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
  });

  test.each(['10.1.2', '10.1.2.5.6', '256.1.1.1', '10.01.2.5', '10..2.5', 'a.b.c.d', '', '10.1.2.5/24', '-1.0.0.0'])(
    'refuses %p as an address', (text) => {
      expect(parseIpv4(text)).toBeUndefined();
    });

  test('reads an address with or without a prefix length', () => {
    expect(parseIpv4Address('10.1.2.5/24')).toBe(0x0a010205);
    expect(parseIpv4Address('10.1.2.5')).toBe(0x0a010205);
    expect(parseIpv4Address('10.1.2.5/33')).toBeUndefined();
    expect(parseIpv4Address('10.1.2.5/24/1')).toBeUndefined();
  });

  test('reads CIDR blocks, clearing host bits', () => {
    expect(parseIpv4Cidr('10.1.2.0/24')).toEqual({ network: 0x0a010200, prefix: 24 });
    expect(parseIpv4Cidr('10.1.2.77/24')).toEqual({ network: 0x0a010200, prefix: 24 });
    expect(parseIpv4Cidr('0.0.0.0/0')).toEqual({ network: 0, prefix: 0 });
    expect(parseIpv4Cidr('10.1.2.5/32')).toEqual({ network: 0x0a010205, prefix: 32 });
  });

  test.each(['10.1.2.0', '10.1.2.0/', '10.1.2.0/33', '10.1.2.0/024', '10.1.2.0/x', '10.1.2/24'])('refuses %p as a CIDR block', (text) => {
    expect(parseIpv4Cidr(text)).toBeUndefined();
  });

  test('tells whether a block holds an address, at both edges', () => {
    const cidr = parseIpv4Cidr('10.1.2.0/24')!;
    expect(cidrContains(cidr, parseIpv4('10.1.2.0')!)).toBe(true);
    expect(cidrContains(cidr, parseIpv4('10.1.2.255')!)).toBe(true);
    expect(cidrContains(cidr, parseIpv4('10.1.3.0')!)).toBe(false);
    expect(cidrContains(cidr, parseIpv4('10.1.1.255')!)).toBe(false);
    expect(cidrContains(parseIpv4Cidr('0.0.0.0/0')!, 0xffffffff)).toBe(true);
    expect(cidrContains(parseIpv4Cidr('192.168.0.0/16')!, parseIpv4('192.169.0.1')!)).toBe(false);
    expect(cidrContains(parseIpv4Cidr('200.0.0.0/8')!, parseIpv4('200.255.255.255')!)).toBe(true);
  });

  test('sizes blocks and writes addresses back', () => {
    expect(cidrSize(parseIpv4Cidr('10.0.0.0/28')!)).toBe(16);
    expect(cidrSize(parseIpv4Cidr('0.0.0.0/0')!)).toBe(2 ** 32);
    expect(formatIpv4(0xc0a80a01)).toBe('192.168.10.1');
  });
});
