import { launchDifferences, launchTemplateDifferences, replicationDifferences, settingsDifferences } from '../../../lib/mgn/handler/settings-diff';

describe('settings differences', () => {
  test('replication: only members the plan gives are compared; lists compare as sets', () => {
    // GIVEN a server's configuration
    const current = {
      sourceServerID: 's-1', dataPlaneRouting: 'PRIVATE_IP' as const, createPublicIP: false, bandwidthThrottling: 0,
      replicationServersSecurityGroupsIDs: ['sg-2', 'sg-1'], stagingAreaSubnetId: 'subnet-1',
    };
    // THEN equal values and reordered lists do not differ, others do
    expect(replicationDifferences(current, { dataPlaneRouting: 'PRIVATE_IP', replicationServersSecurityGroupsIDs: ['sg-1', 'sg-2'] })).toEqual([]);
    expect(replicationDifferences(current, { createPublicIP: true, bandwidthThrottling: 100, stagingAreaSubnetId: 'subnet-1' })).toEqual([
      { section: 'replication', member: 'createPublicIP', current: 'false', desired: 'true' },
      { section: 'replication', member: 'bandwidthThrottling', current: '0', desired: '100' },
    ]);
    expect(replicationDifferences({}, { ebsEncryptionKeyArn: 'arn:k' })).toEqual([
      { section: 'replication', member: 'ebsEncryptionKeyArn', current: '(none)', desired: 'arn:k' },
    ]);
    expect(replicationDifferences(current, { replicationServersSecurityGroupsIDs: ['sg-1'] })).toHaveLength(1);
  });

  test('launch: licensingOsByol is licensing.osByol', () => {
    const current = { launchDisposition: 'STOPPED' as const, licensing: { osByol: false }, bootMode: 'LEGACY_BIOS' as const };
    expect(launchDifferences(current, { licensingOsByol: true, launchDisposition: 'STOPPED' })).toEqual([
      { section: 'launch', member: 'licensingOsByol', current: 'false', desired: 'true' },
    ]);
    expect(launchDifferences(current, { bootMode: 'USE_SOURCE' })).toEqual([
      { section: 'launch', member: 'bootMode', current: 'LEGACY_BIOS', desired: 'USE_SOURCE' },
    ]);
    expect(launchDifferences({}, {})).toEqual([]);
  });

  test('launch template: interface 0, placement, and an absent tenancy as default', () => {
    // GIVEN a default version with two interfaces
    const data = {
      InstanceType: 'm5.large' as const,
      NetworkInterfaces: [
        { DeviceIndex: 1, SubnetId: 'subnet-other', Groups: ['sg-9'] },
        { DeviceIndex: 0, SubnetId: 'subnet-1', Groups: ['sg-1', 'sg-2'], AssociatePublicIpAddress: false },
      ],
    };
    // THEN interface 0 is compared, and an absent tenancy equals "default"
    expect(launchTemplateDifferences(data, { subnetId: 'subnet-1', securityGroupIds: ['sg-2', 'sg-1'], tenancy: 'default',
      associatePublicIpAddress: false, instanceType: 'm5.large' })).toEqual([]);
    expect(launchTemplateDifferences(data, { subnetId: 'subnet-2', tenancy: 'host', hostId: 'h-1' }).map((d) => d.member))
      .toEqual(['subnetId', 'tenancy', 'hostId']);
    expect(launchTemplateDifferences({}, { securityGroupIds: ['sg-1'] })).toEqual([
      { section: 'launchTemplate', member: 'securityGroupIds', current: '(none)', desired: '[sg-1]' },
    ]);
  });

  test('all sections at once; a section not given is not compared', () => {
    const desired = { replication: { createPublicIP: true }, launch: { copyTags: true }, launchTemplate: { instanceType: 'm6i.large' } };
    expect(settingsDifferences({ launch: { copyTags: false } }, desired).map((d) => `${d.section}.${d.member}`)).toEqual(['launch.copyTags']);
    expect(settingsDifferences({ replication: {}, launch: {}, launchTemplate: {} }, desired)).toHaveLength(3);
  });
});
