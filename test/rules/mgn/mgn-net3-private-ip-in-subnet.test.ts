import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { privateIpInSubnet } from '../../../lib/rules/mgn/mgn-net3-private-ip-in-subnet';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const LINUX = { family: 'linux', name: 'ubuntu', version: '22.04' };
const REQUIREMENT = 'with launch.copyPrivateIp the first NIC\'s first IPv4 must lie in launch.subnetCidr';

/** A VM whose first NIC is static (copyPrivateIp defaults to true) at `ip`, launching into `subnetCidr`. */
function judge(ip: string | undefined, subnetCidr: string | undefined, launch: object = {}) {
  const nics = [{ ...(ip !== undefined ? { ipv4: [ip] } : {}), addressing: 'static' }];
  return privateIpInSubnet(mgnVmContext({ os: LINUX, nics, mgn: { launch: { subnetCidr, ...launch } } }));
}

describe('MGN-NET3 the copied private IPv4 lies in the launch subnet', () => {
  test('passes an address inside the subnet', () => {
    expect(judge('10.1.2.5', '10.1.2.0/24').outcome).toBe(Outcome.PASS);
    expect(judge('10.1.2.254', '10.1.2.0/24').outcome).toBe(Outcome.PASS);
    expect(judge('10.1.2.5/24', '10.1.0.0/16').outcome).toBe(Outcome.PASS);
  });

  test('fails an address outside the subnet, naming both', () => {
    // GIVEN a source at 10.1.3.5 launching into 10.1.2.0/24 with copyPrivateIp
    // WHEN
    const result = judge('10.1.3.5', '10.1.2.0/24');
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`nic 1's first IPv4 10.1.3.5 is outside launch.subnetCidr 10.1.2.0/24: ${REQUIREMENT}, `
      + 'or the launch fails (launch in a subnet that holds it, or set launch.copyPrivateIp false)');
  });

  test.each(['10.1.2.0', '10.1.2.1', '10.1.2.2', '10.1.2.3', '10.1.2.255'])('fails %s, which EC2 reserves in 10.1.2.0/24', (ip) => {
    const result = judge(ip, '10.1.2.0/24');
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe(`nic 1's first IPv4 ${ip} is one of the addresses EC2 reserves in launch.subnetCidr 10.1.2.0/24 `
      + '(the first four and the last): the launch cannot assign it (set launch.copyPrivateIp false, or re-address the source)');
  });

  test('judges only the first NIC\'s first IPv4, skipping IPv6 entries', () => {
    const ctx = mgnVmContext({ os: LINUX, nics: [
      { ipv4: ['fd00::5', '10.1.2.5', '192.168.0.9'], addressing: 'static' },
      { ipv4: ['172.16.0.5'], addressing: 'static' },
    ], mgn: { launch: { subnetCidr: '10.1.2.0/24' } } });
    expect(privateIpInSubnet(ctx).outcome).toBe(Outcome.PASS);
  });

  test('is n/a without copyPrivateIp, written or defaulted', () => {
    expect(judge('10.1.3.5', '10.1.2.0/24', { copyPrivateIp: false }).outcome).toBe(Outcome.NOT_APPLICABLE);
    const dhcp = mgnVmContext({ os: LINUX, nics: [{ ipv4: ['10.1.3.5'], addressing: 'dhcp' }], mgn: { launch: { subnetCidr: '10.1.2.0/24' } } });
    expect(privateIpInSubnet(dhcp).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('applies with copyPrivateIp written true on a DHCP NIC', () => {
    const ctx = mgnVmContext({ os: LINUX, nics: [{ ipv4: ['10.1.3.5'], addressing: 'dhcp' }],
      mgn: { launch: { subnetCidr: '10.1.2.0/24', copyPrivateIp: true } } });
    expect(privateIpInSubnet(ctx).outcome).toBe(Outcome.FAIL);
  });

  test('is unknown when the subnet CIDR is not recorded', () => {
    const result = judge('10.1.2.5', undefined);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe(`the launch subnet's CIDR is not recorded (launch.subnetCidr): ${REQUIREMENT}`);
  });

  test('is unknown when the address is not recorded, naming both missing facts', () => {
    const result = judge(undefined, undefined);
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('nic 1 has no IPv4 address recorded (nics[0].ipv4) and the launch subnet\'s CIDR is not recorded '
      + `(launch.subnetCidr): ${REQUIREMENT}`);
  });

  test('is unknown when nics is missing or empty and copyPrivateIp is written', () => {
    const missing = privateIpInSubnet(mgnVmContext({ os: LINUX, mgn: { launch: { copyPrivateIp: true, subnetCidr: '10.1.2.0/24' } } }));
    expect(missing.outcome).toBe(Outcome.UNKNOWN);
    expect(missing.message).toBe(`the VM's network interfaces are not recorded (nics): ${REQUIREMENT}`);
    const empty = privateIpInSubnet(mgnVmContext({ os: LINUX, nics: [], mgn: { launch: { copyPrivateIp: true, subnetCidr: '10.1.2.0/24' } } }));
    expect(empty.outcome).toBe(Outcome.UNKNOWN);
    expect(empty.message).toBe(`the VM lists no network interface (nics): ${REQUIREMENT}`);
  });

  test('is unknown when the address or the CIDR cannot be read', () => {
    const badIp = judge('10.1.2.300', '10.1.2.0/24');
    expect(badIp.outcome).toBe(Outcome.UNKNOWN);
    expect(badIp.message).toBe(`nic 1's first IPv4 10.1.2.300 (nics[0].ipv4) is not a dotted-quad IPv4 address: ${REQUIREMENT}`);
    const badCidr = judge('10.1.2.5', 'subnet-0a1b');
    expect(badCidr.outcome).toBe(Outcome.UNKNOWN);
    expect(badCidr.message).toBe(`launch.subnetCidr subnet-0a1b is not an IPv4 CIDR block such as 10.1.2.0/24: ${REQUIREMENT}`);
  });

  test('takes the subnet CIDR from defaults.mgn.launch', () => {
    const ctx = mgnVmContext({ os: LINUX, nics: [{ ipv4: ['10.1.3.5'], addressing: 'static' }] },
      { plan: { defaults: { mgn: { launch: { subnetCidr: '10.1.3.0/24' } } } } });
    expect(privateIpInSubnet(ctx).outcome).toBe(Outcome.PASS);
  });

  test('reports a hard error that an acknowledgement cannot cover, through the whole pack', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'db-01', hypervisor: 'vmware', os: LINUX,
      nics: [{ ipv4: ['10.9.0.5'], ipv6: [], addressing: 'static' }], mgn: { launch: { subnetCidr: '10.1.2.0/24' } },
      acknowledge: [{ rule: 'MGN-NET3', reason: 'new subnet' }] }] } as unknown as Plan;
    const finding = assessPlan(plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-NET3');
    expect(finding?.severity).toBe(Severity.ERROR);
    expect(finding?.acknowledged).toBe(false);
    expect(finding?.note).toBeDefined();
    expect(finding?.message).toMatch(/^nic 1's first IPv4 10\.9\.0\.5 is outside launch\.subnetCidr 10\.1\.2\.0\/24/);
  });
});
