import { suseByos } from '../../../lib/rules/sms/sms-lic5-suse-byos';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-LIC5 suse byos', () => {
  const sles = { family: 'linux', name: 'sles', version: '12 SP1' };

  test('passes a SLES VM attested for the SUSE Public Cloud Program', () => {
    expect(suseByos(vmContext({ os: sles, replication: { attestations: ['suse-byos'] } })).outcome).toBe(Outcome.PASS);
  });

  test('fails a SLES VM without the attestation', () => {
    // GIVEN SLES attested only for Red Hat Cloud Access
    const result = suseByos(vmContext({ os: sles, replication: { attestations: ['redhat-cloud-access'] } }));
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('SLES 12 SP1 must use SUSE Public Cloud Program (BYOS) licenses: replication.attestations lacks '
      + 'suse-byos (attested: redhat-cloud-access)');
  });

  test('fails a SLES VM named by an alias, with no attestations', () => {
    const result = suseByos(vmContext({ os: { name: 'suse', version: '11.4' } }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/attested: none/);
  });

  test('a VM attestation list replaces the plan default list', () => {
    // GIVEN the defaults attest suse-byos but the VM lists its own attestations without it
    const ctx = vmContext({ os: sles, replication: { attestations: ['redhat-cloud-access'] } },
      { defaults: { replication: { attestations: ['suse-byos'] } } });
    expect(suseByos(ctx).outcome).toBe(Outcome.FAIL);
  });

  test('is n/a for other distributions and families', () => {
    expect(suseByos(vmContext({ os: { family: 'linux', name: 'rhel', version: '7.3' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(suseByos(vmContext({ os: { family: 'windows', name: 'windows-client', version: '10' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
    expect(suseByos(vmContext({ os: { family: 'other', name: 'freebsd' } })).outcome).toBe(Outcome.NOT_APPLICABLE);
  });

  test('is unknown when a Linux VM does not name its distribution', () => {
    const result = suseByos(vmContext({ os: { family: 'linux' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.name/);
    expect(result.message).toMatch(/suse-byos/);
  });

  test('is unknown when the family is not recorded', () => {
    const result = suseByos(vmContext({ os: { version: '12' } }));
    expect(result.outcome).toBe(Outcome.UNKNOWN);
    expect(result.message).toMatch(/os\.family/);
  });
});
