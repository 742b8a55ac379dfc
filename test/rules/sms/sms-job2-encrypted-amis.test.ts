import { encryptedAmis } from '../../../lib/rules/sms/sms-job2-encrypted-amis';
import { Outcome } from '../../../lib/assessment/rule';
import { vmContext } from '../../helpers/context';

describe('SMS-JOB2 encrypted amis', () => {
  test('fails a job that asks for encrypted AMIs', () => {
    // GIVEN encrypted AMIs with a KMS key
    const result = encryptedAmis(vmContext({ replication: { encrypted: true, kmsKeyId: 'alias/migration' } }));
    // THEN
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toBe('replication.encrypted is true with kmsKeyId alias/migration: SMS does not support AMIs with '
      + 'EBS-encrypted volumes (set encrypted to false)');
  });

  test('fails encryption asked for in the plan defaults', () => {
    const result = encryptedAmis(vmContext({}, { defaults: { replication: { encrypted: true } } }));
    expect(result.outcome).toBe(Outcome.FAIL);
    expect(result.message).toMatch(/^replication\.encrypted is true: /);
  });

  test('passes a VM that turns off encryption the defaults ask for', () => {
    const ctx = vmContext({ replication: { encrypted: false } }, { defaults: { replication: { encrypted: true } } });
    expect(encryptedAmis(ctx).outcome).toBe(Outcome.PASS);
  });

  test('passes without settings (never unknown: the default is not encrypted)', () => {
    expect(encryptedAmis(vmContext({})).outcome).toBe(Outcome.PASS);
  });
});
