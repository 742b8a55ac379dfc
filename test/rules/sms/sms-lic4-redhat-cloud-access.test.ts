import { redhatCloudAccess } from '../../../lib/rules/sms/sms-lic4-redhat-cloud-access';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-LIC4 redhat cloud access', () => {
  const rhel = { family: 'linux', name: 'rhel', version: '7.3' };

  test('passes a RHEL VM attested for Red Hat Cloud Access', () => {
    const ctx = vmContext({ os: rhel, replication: { attestations: ['redhat-cloud-access'] } });
    expect(redhatCloudAccess(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes an attestation given in the plan defaults', () => {
    const ctx = vmContext({ os: rhel }, { defaults: { replication: { attestations: ['redhat-cloud-access', 'suse-byos'] } } });
    expect(redhatCloudAccess(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails a RHEL VM without the attestation', () => {
    // GIVEN RHEL attested only for another programme
    const ctx = vmContext({ os: rhel, replication: { attestations: ['suse-byos'] } });
    // WHEN
    const result = redhatCloudAccess(ctx);
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('RHEL 7.3 must use Red Hat Cloud Access (BYOL) licenses: replication.attestations lacks '
      + 'redhat-cloud-access (attested: suse-byos)');
  });

  test('fails a RHEL VM with no attestations at all', () => {
    const result = redhatCloudAccess(vmContext({ os: { name: 'Red Hat Enterprise Linux', version: '6.9' } }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/RHEL 6\.9 .*lacks redhat-cloud-access \(attested: none\)/);
  });

  test('is n/a for other distributions and families', () => {
    expect(redhatCloudAccess(vmContext({ os: { family: 'linux', name: 'centos', version: '7.3' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(redhatCloudAccess(vmContext({ os: { family: 'linux', name: 'sles', version: '12' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(redhatCloudAccess(vmContext({ os: { family: 'windows', name: 'windows-server', version: '2016' } })).outcome)
      .toBe(Outcome.NOT_APPLICABLE);
    expect(redhatCloudAccess(vmContext({ os: { family: 'other' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when a Linux VM does not name its distribution', () => {
    const result = redhatCloudAccess(vmContext({ os: { family: 'linux', version: '7.3' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.name/);
    expect(result.message).toMatch(/redhat-cloud-access/);
  });

  test('is unknown when the family is not recorded', () => {
    const result = redhatCloudAccess(vmContext({}));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
  });
});
