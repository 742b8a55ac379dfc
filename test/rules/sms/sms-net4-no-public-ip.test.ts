import { noPublicIp } from '../../../lib/rules/sms/sms-net4-no-public-ip';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-NET4 no public ip', () => {
  test('reminds every VM: a fail at the rule\'s info severity that names the Elastic IP', () => {
    // GIVEN a VM on a private address
    const result = noPublicIp(vmContext({ nics: [{ ipv4: ['10.1.2.3'], addressing: 'dhcp' }] }));
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toMatch(/^the migrated instance gets no public IP address/);
    expect(result.message).toMatch(/Elastic IP/);
  });

  test('never reports unknown or pass, whatever facts are missing', () => {
    expect(noPublicIp(vmContext({})).outcome).toBe(Outcome.FAIL);
    expect(noPublicIp(vmContext({ nics: [] })).outcome).toBe(Outcome.FAIL);
    expect(noPublicIp(vmContext({ hypervisor: 'hyperv', os: { family: 'other' }, nics: [{}] })).outcome).toBe(Outcome.FAIL);
  });

  test('names a public address the VM has on premises', () => {
    const result = noPublicIp(vmContext({ nics: [{ ipv4: ['10.1.2.3', '8.8.4.4'] }, { ipv4: ['1.2.3.4/24'] }] }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/^public addresses 8\.8\.4\.4 \(nic 1\), 1\.2\.3\.4\/24 \(nic 2\) are not kept: the migrated instance/);
  });

  test('does not call private, shared, link-local or documentation ranges public', () => {
    const ctx = vmContext({
      nics: [{ ipv4: ['10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '100.64.0.1', '169.254.1.1', '127.0.0.1', '203.0.113.9'] }],
    });
    expect(noPublicIp(ctx).message).toMatch(/^the migrated instance/);
  });

  test('calls the addresses just outside the private ranges public', () => {
    const result = noPublicIp(vmContext({ nics: [{ ipv4: ['172.32.0.1', '172.15.255.255', '11.0.0.1'] }] }));
    expect(result.message).toMatch(/^public addresses 172\.32\.0\.1 \(nic 1\), 172\.15\.255\.255 \(nic 1\), 11\.0\.0\.1 \(nic 1\) are not kept/);
  });
});
