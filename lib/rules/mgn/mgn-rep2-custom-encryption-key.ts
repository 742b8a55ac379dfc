import { fail, pass, RuleResult, Severity, VmContext } from '../../assessment/rule';
import { EbsEncryption } from '../../plan/model/plan';
import type { MgnVmContext } from './context';
import { mgnReplicationField, smsReplicationField } from './facts/replication-fields';

/** A KMS alias: `alias/name`, or an alias ARN in any partition. */
const ALIAS = /^(alias\/|arn:aws[a-z-]*:kms:[^:]*:[^:]*:alias\/)/i;

/** Whether a KMS key reference is an alias rather than a key. */
export function isKmsAlias(key: string): boolean {
  return ALIAS.test(key.trim());
}

/**
 * Custom staging-disk encryption names its KMS key: `mgn.replication.kmsKeyArn`, else the SMS
 * `replication.kmsKeyId` of an encrypted job (either may come from the defaults).
 *
 * An alias (`alias/name` or an alias ARN) fails only as a warning: the library passes it as an alias
 * ARN, and whether MGN accepts an alias there is unverified. Default encryption needs no key. The
 * encryption is never unknown: it defaults to custom when a key is named, else to default.
 */
export function customEncryptionKey(ctx: VmContext): RuleResult {
  const { vm, mgn, plan } = ctx as MgnVmContext;
  const replication = mgn.replication;
  if (replication.ebsEncryption !== EbsEncryption.CUSTOM) {
    return pass();
  }
  const key = replication.kmsKeyArn?.trim() ?? '';
  if (key === '') {
    return fail(`${mgnReplicationField(vm, plan, 'ebsEncryption')} is custom but no KMS key is named: `
      + 'set mgn.replication.kmsKeyArn (or replication.kmsKeyId with replication.encrypted true)');
  }
  if (isKmsAlias(key)) {
    const field = replication.kmsKeyField === 'kmsKeyId'
      ? smsReplicationField(vm, plan, 'kmsKeyId')
      : mgnReplicationField(vm, plan, 'kmsKeyArn');
    return fail(`${field} ${key} is a KMS alias, passed to MGN as an alias ARN, which MGN may not accept: `
      + 'name the key ARN (arn:aws:kms:<region>:<account>:key/<id>)', Severity.WARNING);
  }
  return pass();
}
