import { microsoftByol } from '../../../lib/rules/sms/sms-lic6-microsoft-byol';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-LIC6 microsoft byol', () => {
  const server = { family: 'windows', name: 'windows-server', version: '2016', edition: 'datacenter' };
  const client = { family: 'windows', name: 'windows-client', version: '10', edition: 'enterprise' };
  const all = ['microsoft-byol-dedicated-host', 'microsoft-byol-own-keys', 'microsoft-byol-eligible'];

  test('passes a Windows server OS licensed byol with all three attestations', () => {
    const ctx = vmContext({ os: server, replication: { licenseType: 'byol', attestations: all } });
    expect(microsoftByol(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes attestations given in the plan defaults', () => {
    const ctx = vmContext({ os: client }, { defaults: { replication: { attestations: all } } });
    expect(microsoftByol(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails naming only the missing attestations', () => {
    // GIVEN a server licensed byol that attests its Dedicated Hosts only
    const ctx = vmContext({ os: server, replication: { licenseType: 'byol', attestations: ['microsoft-byol-dedicated-host'] } });
    // WHEN
    const result = microsoftByol(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('Windows Server 2016 with license byol lacks attestations microsoft-byol-own-keys, '
      + 'microsoft-byol-eligible in replication.attestations (BYOL Windows needs all of: microsoft-byol-dedicated-host, '
      + 'microsoft-byol-own-keys, microsoft-byol-eligible)');
  });

  test('fails naming a single missing attestation', () => {
    const ctx = vmContext({ os: server, replication: { licenseType: 'byol', attestations: all.slice(0, 2) } });
    expect(microsoftByol(ctx).message).toMatch(/lacks attestation microsoft-byol-eligible in/);
  });

  test('fails a Windows client OS whose auto license resolves to BYOL', () => {
    const result = microsoftByol(vmContext({ os: client }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/^Windows 10 with license auto \(resolved to BYOL\) lacks attestations microsoft-byol-dedicated-host, /);
  });

  test('is n/a when the license resolves to AWS', () => {
    expect(microsoftByol(vmContext({ os: server })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(microsoftByol(vmContext({ os: server, replication: { licenseType: 'aws' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    // an AWS license on a client OS is SMS-LIC2's failure, not this rule's
    expect(microsoftByol(vmContext({ os: client, replication: { licenseType: 'aws' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is n/a for Linux and family other', () => {
    const rhel = { family: 'linux', name: 'rhel', version: '7.3' };
    expect(microsoftByol(vmContext({ os: rhel, replication: { licenseType: 'byol' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(microsoftByol(vmContext({ os: { family: 'other' }, replication: { licenseType: 'byol' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when auto cannot be resolved for a Windows VM without a name', () => {
    const result = microsoftByol(vmContext({ os: { family: 'windows', version: '2016' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.name/);
  });

  test('judges an explicit byol even without a name', () => {
    const ctx = vmContext({ os: { family: 'windows' }, replication: { licenseType: 'byol', attestations: all } });
    expect(microsoftByol(ctx).outcome).toBe(Outcome.PASS);
  });

  test('is unknown when the family is not recorded', () => {
    const result = microsoftByol(vmContext({ replication: { licenseType: 'byol' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
  });
});
