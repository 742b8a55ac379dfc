import {
  CreateLaunchTemplateVersionCommand, DeleteLaunchTemplateVersionsCommand, DescribeLaunchTemplateVersionsCommand,
  DescribeLaunchTemplatesCommand, EC2Client, ModifyLaunchTemplateCommand,
} from '@aws-sdk/client-ec2';
import { GetLaunchConfigurationCommand } from '@aws-sdk/client-mgn';
import { MgnEmulator } from '../support/mgn-emulator';
import { caught, ec2Client, mgnClient, start, statusOf } from './helpers';

/** The EC2 stub through the real @aws-sdk/client-ec2 3.523.0: the launch templates MGN made per server. */

let emu: MgnEmulator;
let ec2: EC2Client;
let lt: string;
beforeEach(async () => {
  emu = await start({ seed: 5, initialized: true });
  ec2 = ec2Client();
  const s = emu.seedServer({ hostname: 'web-01' }).sourceServerID as string;
  lt = (await mgnClient().send(new GetLaunchConfigurationCommand({ sourceServerID: s }))).ec2LaunchTemplateID!;
});
afterEach(async () => {
  await emu.close();
});

const DESIRED = {
  InstanceType: 'm6i.large' as const,
  NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: 'subnet-0a1b2c3d4e5f60718', Groups: ['sg-0a1b2c3d4e5f60718', 'sg-0b1c2d3e4f5a60718'],
    AssociatePublicIpAddress: false, DeleteOnTermination: true }],
  Placement: { Tenancy: 'host' as const, HostId: 'h-0123456789abcdef0', HostResourceGroupArn: 'arn:aws:resource-groups:us-east-1:111122223333:group/hosts' },
  IamInstanceProfile: { Name: 'AWSApplicationMigrationLaunchInstanceWithSsmRole' },
  TagSpecifications: [{ ResourceType: 'instance' as const, Tags: [{ Key: 'Name', Value: 'web-01' }] }],
};

test('a new version from $Default, made default, reads back through $Default and $Latest', async () => {
  // GIVEN
  const cur = await ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: lt, Versions: ['$Default'] }));
  expect(cur.LaunchTemplateVersions).toHaveLength(1);
  expect(cur.LaunchTemplateVersions![0]).toMatchObject({ VersionNumber: 1, DefaultVersion: true, LaunchTemplateData: { InstanceType: 't3.medium' } });
  // WHEN
  const nv = await ec2.send(new CreateLaunchTemplateVersionCommand({
    LaunchTemplateId: lt, SourceVersion: '1', ClientToken: 'token-1', LaunchTemplateData: DESIRED,
  }));
  const version = String(nv.LaunchTemplateVersion!.VersionNumber);
  const modified = await ec2.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: lt, DefaultVersion: version }));
  // THEN
  expect(nv.LaunchTemplateVersion).toMatchObject({ VersionNumber: 2, DefaultVersion: false });
  expect(modified.LaunchTemplate).toMatchObject({ LaunchTemplateId: lt, DefaultVersionNumber: 2, LatestVersionNumber: 2 });
  const def = await ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: lt, Versions: ['$Default'] }));
  expect(def.LaunchTemplateVersions![0]).toMatchObject({ VersionNumber: 2, DefaultVersion: true, LaunchTemplateData: DESIRED });
  const latest = await ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: lt, Versions: ['$Latest', '1'] }));
  expect(latest.LaunchTemplateVersions!.map((v) => v.VersionNumber)).toEqual([2, 1]);
  expect(emu.launchTemplates().find((t) => t.launchTemplateId === lt)).toMatchObject({ defaultVersion: 2, latestVersion: 2 });
  // The form fields 3.523.0 sends (recorded to document the wire format).
  const create = emu.ec2Requests.find((r) => r.action === 'CreateLaunchTemplateVersion')!;
  expect(create.params).toMatchObject({
    'LaunchTemplateData.NetworkInterface.1.SecurityGroupId.2': 'sg-0b1c2d3e4f5a60718',
    'LaunchTemplateData.Placement.Tenancy': 'host',
    'LaunchTemplateData.TagSpecification.1.Tag.1.Key': 'Name',
  });
  expect(emu.ec2Requests.find((r) => r.action === 'ModifyLaunchTemplate')!.params).toMatchObject({ SetDefaultVersion: '2' });
});

test('the same ClientToken answers the same version', async () => {
  const a = await ec2.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: lt, SourceVersion: '$Default', ClientToken: 't', LaunchTemplateData: { InstanceType: 'm6i.large' } }));
  const b = await ec2.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: lt, SourceVersion: '$Default', ClientToken: 't', LaunchTemplateData: { InstanceType: 'm6i.large' } }));
  expect(b.LaunchTemplateVersion!.VersionNumber).toBe(a.LaunchTemplateVersion!.VersionNumber);
  expect(emu.launchTemplates().find((t) => t.launchTemplateId === lt)!.versions).toHaveLength(2);
});

test('a version keeps the source version members it does not give', async () => {
  const nv = await ec2.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: lt, SourceVersion: '1', LaunchTemplateData: { InstanceType: 'c6i.xlarge' } }));
  expect(nv.LaunchTemplateVersion!.LaunchTemplateData).toMatchObject({ InstanceType: 'c6i.xlarge', Placement: { Tenancy: 'default' },
    NetworkInterfaces: [{ DeviceIndex: 0, DeleteOnTermination: true }] });
});

test('DeleteLaunchTemplateVersions deletes others and refuses the default; DescribeLaunchTemplates lists', async () => {
  await ec2.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: lt, SourceVersion: '1', LaunchTemplateData: { InstanceType: 'm6i.large' } }));
  const out = await ec2.send(new DeleteLaunchTemplateVersionsCommand({ LaunchTemplateId: lt, Versions: ['1', '2'] }));
  expect(out.SuccessfullyDeletedLaunchTemplateVersions?.map((v) => v.VersionNumber)).toEqual([2]);
  expect(out.UnsuccessfullyDeletedLaunchTemplateVersions).toEqual([expect.objectContaining({ VersionNumber: 1,
    ResponseError: expect.objectContaining({ Code: 'launchTemplateVersionIsDefaultVersion' }) })]);
  const all = await ec2.send(new DescribeLaunchTemplatesCommand({ LaunchTemplateIds: [lt] }));
  expect(all.LaunchTemplates).toEqual([expect.objectContaining({ LaunchTemplateId: lt, DefaultVersionNumber: 1, LatestVersionNumber: 2,
    Tags: [{ Key: 'AWSApplicationMigrationServiceManaged', Value: 'mgn.amazonaws.com' }] })]);
});

test('fails with InvalidLaunchTemplateId.NotFound and .VersionNotFound', async () => {
  const e = await caught(() => ec2.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: 'lt-00000000000000000', Versions: ['$Default'] })));
  expect([e.name, statusOf(e)]).toEqual(['InvalidLaunchTemplateId.NotFound', 400]);
  const v = await caught(() => ec2.send(new ModifyLaunchTemplateCommand({ LaunchTemplateId: lt, DefaultVersion: '9' })));
  expect(v.name).toBe('InvalidLaunchTemplateId.VersionNotFound');
});

test('EC2 faults: RequestLimitExceeded, and a lost response that was applied', async () => {
  emu.setFaults([], [{ kind: 'throttle', operations: ['DescribeLaunchTemplates'], count: 1 },
    { kind: 'lost-response', operations: ['CreateLaunchTemplateVersion'], count: 1 }]);
  const t = await caught(() => ec2.send(new DescribeLaunchTemplatesCommand({})));
  expect(t.name).toBe('RequestLimitExceeded');
  const lost = await caught(() => ec2.send(new CreateLaunchTemplateVersionCommand({ LaunchTemplateId: lt, SourceVersion: '1', LaunchTemplateData: { InstanceType: 'm6i.large' } })));
  expect(statusOf(lost)).toBeUndefined();
  expect(emu.launchTemplates().find((x) => x.launchTemplateId === lt)!.latestVersion).toBe(2);
  expect(emu.ec2Stats.faults).toMatchObject({ 'throttle': 1, 'lost-response': 1 });
});
