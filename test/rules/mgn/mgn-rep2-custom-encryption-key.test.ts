import { Outcome, Severity } from '../../../lib/assessment/rule';
import { Plan } from '../../../lib/plan/model/plan';
import { assessPlan } from '../../../lib/rules';
import { customEncryptionKey, isKmsAlias } from '../../../lib/rules/mgn/mgn-rep2-custom-encryption-key';
import { MGN_TEST_NOW, mgnVmContext } from '../../helpers/mgn-context';

const KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab';

describe('MGN-REP2 custom encryption key', () => {
  const check = (vm: object, plan?: object) => customEncryptionKey(mgnVmContext(vm, { plan }));

  test('passes default encryption, which needs no key', () => {
    expect(check({}).outcome).toBe(Outcome.PASS);
    expect(check({ mgn: { replication: { ebsEncryption: 'default' } } }).outcome).toBe(Outcome.PASS);
  });

  test('passes custom encryption with a key ARN', () => {
    expect(check({ mgn: { replication: { ebsEncryption: 'custom', kmsKeyArn: KEY_ARN } } }).outcome).toBe(Outcome.PASS);
  });

  test('passes a key named only by the SMS settings of an encrypted job (custom by default)', () => {
    const ctx = mgnVmContext({ replication: { encrypted: true, kmsKeyId: KEY_ARN } });
    expect(ctx.mgn.replication.ebsEncryption).toBe('custom');
    expect(customEncryptionKey(ctx).outcome).toBe(Outcome.PASS);
  });

  test('fails custom encryption without a key, naming the field and what passes', () => {
    // GIVEN custom encryption and an SMS key that does not count (the job is not encrypted)
    const result = check({ mgn: { replication: { ebsEncryption: 'custom' } }, replication: { kmsKeyId: KEY_ARN } });
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBeUndefined();
    expect(result.message).toBe('mgn.replication.ebsEncryption is custom but no KMS key is named: '
      + 'set mgn.replication.kmsKeyArn (or replication.kmsKeyId with replication.encrypted true)');
  });

  test('fails a blank key, and names the defaults when custom comes from them', () => {
    const result = check({ mgn: { replication: { kmsKeyArn: '  ' } } }, { defaults: { mgn: { replication: { ebsEncryption: 'custom' } } } });
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/^defaults\.mgn\.replication\.ebsEncryption is custom but no KMS key is named/);
  });

  test('warns when the key is an alias name', () => {
    // GIVEN an alias
    const result = check({ mgn: { replication: { kmsKeyArn: 'alias/mgn-staging' } } });
    // THEN a warning band of the error
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.severity).toBe(Severity.WARNING);
    expect(result.message).toBe('mgn.replication.kmsKeyArn alias/mgn-staging is a KMS alias, passed to MGN as an alias ARN, '
      + 'which MGN may not accept: name the key ARN (arn:aws:kms:<region>:<account>:key/<id>)');
  });

  test('warns on an alias ARN from the SMS key, naming the SMS field', () => {
    const result = check({}, { defaults: { replication: { encrypted: true, kmsKeyId: 'arn:aws:kms:eu-west-1:123456789012:alias/sms' } } });
    expect(result.severity).toBe(Severity.WARNING);
    expect(result.message).toMatch(/^defaults\.replication\.kmsKeyId arn:aws:kms:eu-west-1:123456789012:alias\/sms is a KMS alias/);
  });

  test('tells aliases from keys', () => {
    expect(isKmsAlias('alias/x')).toBe(true);
    expect(isKmsAlias('arn:aws-us-gov:kms:us-gov-west-1:123456789012:alias/x')).toBe(true);
    expect(isKmsAlias(KEY_ARN)).toBe(false);
    expect(isKmsAlias('1234abcd-12ab-34cd-56ef-1234567890ab')).toBe(false);
  });

  test('is never unknown: the encryption defaults', () => {
    expect(check({ replication: { encrypted: true } }).outcome).toBe(Outcome.PASS);
  });

  test('is reported through the pack, the alias as a warning', () => {
    const plan = { version: 1, target: 'mgn', vms: [{ name: 'db-01', hypervisor: 'vmware', mgn: { replication: { kmsKeyArn: 'alias/k' } } }] };
    const finding = assessPlan(plan as Plan, { now: MGN_TEST_NOW }).vms[0].findings.find((f) => f.rule === 'MGN-REP2');
    expect(finding?.severity).toBe('warning');
    expect(finding?.message).toMatch(/^mgn\.replication\.kmsKeyArn alias\/k is a KMS alias/);
  });
});
