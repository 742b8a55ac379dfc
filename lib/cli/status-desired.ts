import { DesiredServer } from '../mgn/handler/desired';
import { desiredServerFor, ServerSettingsContext } from '../mgn/server-settings';
import { LoadedPlan } from '../plan';
import { DesiredServerOf } from './status-report';

/** The partition of a Region code. */
function partitionOf(region: string): string {
  return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
}

/**
 * What the plan wants of each VM's source server, for `cdk-sms status` to compare with MGN: the
 * constructs' own mapping (`desiredServerFor`), so that status compares with what a deploy applies.
 *
 * What depends on the deployment rather than on the plan is left out of the comparison: the
 * library-owned replication security group (used when the plan names none), the staging subnet when
 * the plan's `mgn.network.stagingSubnet` is absent (the construct's prop then decides), and a KMS key
 * named by alias when the plan's `mgn.accountId` is absent (its ARN needs the account).
 */
export function desiredServerOfPlan(loaded: LoadedPlan, region: string): DesiredServerOf {
  const plan = loaded.plan;
  const account = plan.mgn?.accountId;
  const context: ServerSettingsContext = {
    partition: partitionOf(region),
    account: account ?? '',
    region,
    ...(plan.mgn?.network?.stagingSubnet !== undefined ? { stagingSubnetId: plan.mgn.network.stagingSubnet } : {}),
  };
  return (vm) => {
    const desired = desiredServerFor(vm, plan.defaults, context);
    if (account !== undefined || desired.replication.ebsEncryptionKeyArn === undefined || !desired.replication.ebsEncryptionKeyArn.includes('::')) {
      return desired;
    }
    const replication = { ...desired.replication };
    delete replication.ebsEncryptionKeyArn;
    return { ...desired, replication } satisfies DesiredServer;
  };
}
