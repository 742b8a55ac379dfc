import { desiredServerOfPlan } from '../../lib/cli/status-desired';
import { LoadedPlan } from '../../lib/plan';
import { Plan } from '../../lib/plan/model/plan';

/** What `cdk-sms status` compares a server with: the constructs' mapping, less what the deployment decides. */

function loaded(plan: object): LoadedPlan {
  return { plan: plan as Plan, file: 'plan.json', locate: () => undefined };
}

const VM = { name: 'web-01', hypervisor: 'vmware', os: { family: 'linux' } };

describe('desiredServerOfPlan', () => {
  test('takes the plan\'s staging subnet and settings, and leaves the library-owned security group out', () => {
    const desiredOf = desiredServerOfPlan(loaded({
      version: 1, mgn: { network: { stagingSubnet: 'subnet-0a1b2c3d4e5f60718' } },
      defaults: { mgn: { replication: { bandwidthThrottlingMbps: 200 } } }, vms: [VM],
    }), 'eu-west-1');
    const desired = desiredOf(VM as never)!;
    expect(desired.replication).toEqual(expect.objectContaining({
      stagingAreaSubnetId: 'subnet-0a1b2c3d4e5f60718', bandwidthThrottling: 200, associateDefaultSecurityGroup: false,
    }));
    expect(desired.replication.replicationServersSecurityGroupsIDs).toBeUndefined();
  });

  test('leaves out the staging subnet the plan does not name', () => {
    const desired = desiredServerOfPlan(loaded({ version: 1, vms: [VM] }), 'eu-west-1')(VM as never)!;
    expect(desired.replication.stagingAreaSubnetId).toBeUndefined();
  });

  test('writes a key alias as an ARN of the plan\'s account and the Region\'s partition, and leaves it out without an account', () => {
    const vm = { ...VM, mgn: { replication: { ebsEncryption: 'custom', kmsKeyArn: 'alias/mgn' } } };
    const withAccount = desiredServerOfPlan(loaded({ version: 1, mgn: { accountId: '123456789012' }, vms: [vm] }), 'cn-north-1')(vm as never)!;
    const without = desiredServerOfPlan(loaded({ version: 1, vms: [vm] }), 'eu-west-1')(vm as never)!;
    expect(withAccount.replication.ebsEncryptionKeyArn).toBe('arn:aws-cn:kms:cn-north-1:123456789012:alias/mgn');
    expect(without.replication.ebsEncryptionKeyArn).toBeUndefined();
    expect(without.replication.ebsEncryption).toBe('CUSTOM');
  });
});
