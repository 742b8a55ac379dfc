import { fail, pass, RuleResult, VmContext } from '../../assessment/rule';

/**
 * The job does not ask for EBS-encrypted AMIs, which SMS does not support.
 *
 * An error that can be acknowledged (for example when the AMIs will be copied and encrypted after
 * migration and the job is known to work with the settings used). `encrypted` always has an effective
 * value (false by default), so the rule is never unknown.
 */
export function encryptedAmis({ replication }: VmContext): RuleResult {
  if (replication.encrypted !== true) {
    return pass();
  }
  const key = replication.kmsKeyId === undefined ? '' : ` with kmsKeyId ${replication.kmsKeyId}`;
  return fail(`replication.encrypted is true${key}: SMS does not support AMIs with EBS-encrypted volumes (set encrypted to false)`);
}
