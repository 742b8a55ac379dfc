import { nanoServer } from '../../../lib/rules/sms/sms-os6-nano-server';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-OS6 nano server', () => {
  const server2016 = { family: 'windows', name: 'windows-server', version: '2016', edition: 'datacenter' };

  test('passes a full installation', () => {
    // GIVEN a Windows Server 2016 full installation
    const ctx = vmContext({ os: { ...server2016, installation: 'full' } });
    // WHEN / THEN
    expect(nanoServer(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes a release that predates Nano Server without asking for the installation', () => {
    const ctx = vmContext({ os: { family: 'windows', name: 'windows-server', version: '2008 R2' } });
    expect(nanoServer(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails a Nano Server installation', () => {
    const result = nanoServer(vmContext({ os: { ...server2016, installation: 'nano' } }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/Windows Server 2016 is a Nano Server installation/);
  });

  test('is unknown when the installation is not recorded', () => {
    const result = nanoServer(vmContext({ os: server2016 }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.installation/);
  });

  test('is n/a for Linux and Windows client OSes', () => {
    expect(nanoServer(vmContext({ os: { family: 'linux', name: 'rhel', version: '7.3' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(nanoServer(vmContext({ os: { family: 'windows', name: 'windows-client', version: '10' } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
  });
});

describe('SMS-OS6 nano server, when the family cannot be told', () => {
  test('is unknown naming os.family', () => {
    // GIVEN a VM whose name is not one the rules know and whose family is not recorded
    const result = nanoServer(vmContext({ os: { name: 'Windows Server 2016', installation: 'nano' } }));
    // THEN the rule cannot tell whether it applies
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
  });

  test('is n/a for family other', () => {
    expect(nanoServer(vmContext({ os: { family: 'other', installation: 'nano' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });
});
