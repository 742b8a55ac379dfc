import { enhancedNetworkingOs } from '../../../lib/rules/sms/sms-net5-enhanced-networking-os';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-NET5 enhanced networking os', () => {
  const asked = { enhancedNetworking: true };
  const server2012r2 = { family: 'windows', name: 'windows-server', version: '2012 R2', edition: 'standard' };

  test('passes Windows Server 2012 R2 asking for enhanced networking', () => {
    // GIVEN the one OS SMS installs SR-IOV drivers for
    const ctx = vmContext({ os: server2012r2, replication: asked });
    // WHEN / THEN
    expect(enhancedNetworkingOs(ctx).outcome).toBe(Outcome.PASS);
  });

  test('accepts the release however it is written', () => {
    const ctx = vmContext({ os: { name: 'Windows Server', version: 'Windows Server 2012-R2' }, replication: asked });
    expect(enhancedNetworkingOs(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails Windows Server 2012 and 2016, naming the OS and the one that passes', () => {
    for (const version of ['2012', '2016']) {
      const result = enhancedNetworkingOs(vmContext({ os: { ...server2012r2, version }, replication: asked }));
      expect(result.outcome).toBe(Outcome.FAIL);
      expect(result.message).toBe(`enhanced networking is asked for (replication.enhancedNetworking) on Windows Server ${version}: `
        + 'SMS installs SR-IOV (enhanced networking) drivers only for Windows Server 2012 R2');
    }
  });

  test('fails Linux and Windows client OSes', () => {
    const rhel = enhancedNetworkingOs(vmContext({ os: { family: 'linux', name: 'rhel', version: '7.3' }, replication: asked }));
    expect(rhel.outcome).toBe(Outcome.FAIL);
    expect(rhel.message).toMatch(/on RHEL 7\.3:/);
    const win81 = enhancedNetworkingOs(vmContext({ os: { family: 'windows', name: 'windows-client', version: '8.1' }, replication: asked }));
    expect(win81.outcome).toBe(Outcome.FAIL);
    expect(win81.message).toMatch(/on Windows 8\.1:/);
  });

  test('fails a Linux or other-family VM whose name is not recorded: it cannot be Windows Server', () => {
    expect(enhancedNetworkingOs(vmContext({ os: { family: 'linux' }, replication: asked })).outcome).toBe(Outcome.FAIL);
    expect(enhancedNetworkingOs(vmContext({ os: { family: 'other' }, replication: asked })).outcome).toBe(Outcome.FAIL);
  });

  test('follows enhancedNetworking from the plan defaults', () => {
    const ctx = vmContext({ os: { family: 'linux', name: 'ubuntu', version: '16.04' } }, { defaults: { replication: asked } });
    expect(enhancedNetworkingOs(ctx).outcome).toBe(Outcome.FAIL);
  });

  test('is n/a when enhanced networking is not asked for', () => {
    expect(enhancedNetworkingOs(vmContext({ os: { family: 'linux', name: 'rhel', version: '7.3' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(enhancedNetworkingOs(vmContext({ replication: { enhancedNetworking: false } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    const overridden = vmContext({ os: { family: 'linux' }, replication: { enhancedNetworking: false } }, { defaults: { replication: asked } });
    expect(enhancedNetworkingOs(overridden).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when the OS is not recorded', () => {
    const result = enhancedNetworkingOs(vmContext({ replication: asked }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.name/);
    expect(result.message).toMatch(/Windows Server 2012 R2/);
  });

  test('is unknown for a Windows VM whose name is not recorded', () => {
    const result = enhancedNetworkingOs(vmContext({ os: { family: 'windows', version: '2012 R2' }, replication: asked }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.name/);
  });

  test('is unknown for Windows Server whose version is not recorded', () => {
    const result = enhancedNetworkingOs(vmContext({ os: { family: 'windows', name: 'windows-server' }, replication: asked }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/\(os\.version\)/);
  });
});
