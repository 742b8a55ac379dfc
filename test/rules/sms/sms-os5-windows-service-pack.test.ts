import { windowsServicePack } from '../../../lib/rules/sms/sms-os5-windows-service-pack';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-OS5 windows service pack', () => {
  const server = (version: string, servicePack?: number) => windowsServicePack(vmContext({
    os: { family: 'windows', name: 'windows-server', version, servicePack },
  }));

  test('passes Windows Server 2003 with Service Pack 1, the minimum, and later', () => {
    expect(server('2003', 1).outcome).toBe(Outcome.PASS);
    expect(server('2003', 2).outcome).toBe(Outcome.PASS);
  });

  test('fails Windows Server 2003 without a service pack, naming it and what passes', () => {
    // GIVEN Windows Server 2003 at service pack 0, one below the minimum
    const result = server('2003', 0);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('Windows Server 2003 service pack 0 is not supported (supported: Service Pack 1 or later)');
  });

  test('is unknown when os.servicePack of a 2003 server is missing', () => {
    const result = server('Windows Server 2003');
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toBe('the service pack of Windows Server 2003 is not recorded (os.servicePack): Service Pack 1 or later passes');
  });

  test('is n/a for 2003 R2 and every later release, whatever the service pack', () => {
    for (const version of ['2003 R2', '2008', '2008 R2', '2012', '2016']) {
      expect(server(version, 0).outcome).toBe(Outcome.NOT_APPLICABLE);
      expect(server(version).outcome).toBe(Outcome.NOT_APPLICABLE);
    }
  });

  test('is n/a for Windows client OSes, Linux and family other', () => {
    expect(windowsServicePack(vmContext({ os: { family: 'windows', name: 'windows-client', version: '7' } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
    expect(windowsServicePack(vmContext({ os: { family: 'linux', name: 'rhel', version: '7.3' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(windowsServicePack(vmContext({ os: { family: 'other' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown for a vague Windows name, which might be 2003', () => {
    const result = windowsServicePack(vmContext({ os: { family: 'windows', name: 'Windows Server 2003', servicePack: 0 } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.name/);
  });

  test('is unknown when a Windows VM might be 2003 but does not say', () => {
    const noVersion = windowsServicePack(vmContext({ os: { family: 'windows', name: 'windows-server', servicePack: 0 } }));
    expect(noVersion.outcome).toBe(Outcome.UNKNOWN);
    expect(noVersion.message).toMatch(/os\.version/);
    const noName = windowsServicePack(vmContext({ os: { family: 'windows' } }));
    expect(noName.outcome).toBe(Outcome.UNKNOWN);
    expect(noName.message).toMatch(/os\.name/);
    const noFamily = windowsServicePack(vmContext({ os: {} }));
    expect(noFamily.outcome).toBe(Outcome.UNKNOWN);
    expect(noFamily.message).toMatch(/os\.family/);
  });
});
