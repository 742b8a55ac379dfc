import { desiredDefaults, desiredServerFor, kmsKeyArn, ServerSettingsContext } from '../../../lib/mgn/server-settings';
import {
  Addressing, BootMode, DataPlaneRouting, EbsEncryption, Hypervisor, LargeStagingDiskType, LaunchDisposition, LicenseChoice, OsFamily,
  PlanDefaults, RightSizing, Tenancy, Vm,
} from '../../../lib/plan/model/plan';

const CONTEXT: ServerSettingsContext = {
  stagingSubnetId: 'subnet-0a1b2c3d4e5f60718',
  replicationSecurityGroupId: 'sg-0library000000000',
  partition: 'aws',
  account: '123456789012',
  region: 'eu-west-1',
};

function vm(extra: Partial<Vm> = {}): Vm {
  return { name: 'web-01', hypervisor: Hypervisor.VMWARE, os: { family: OsFamily.LINUX, name: 'rhel', version: '8.6' }, ...extra };
}

const windows = (licenseType: LicenseChoice, extra: Partial<Vm> = {}): Vm => vm({
  os: { family: OsFamily.WINDOWS, name: 'windows-server', version: '2019' },
  replication: { licenseType },
  ...extra,
});

describe('desiredServerFor', () => {
  test('gives a VM that sets nothing the library defaults, with the API enum values, field by field', () => {
    // GIVEN a Linux VM with no settings, a dynamic NIC
    const server = desiredServerFor(vm({ nics: [{ addressing: Addressing.DHCP }] }), undefined, CONTEXT);

    // THEN
    expect(server.replication).toEqual({
      bandwidthThrottling: 0,
      dataPlaneRouting: 'PRIVATE_IP',
      createPublicIP: false,
      defaultLargeStagingDiskType: 'GP3',
      ebsEncryption: 'DEFAULT',
      replicationServerInstanceType: 't3.small',
      useDedicatedReplicationServer: false,
      associateDefaultSecurityGroup: false,
      replicationServersSecurityGroupsIDs: ['sg-0library000000000'],
      stagingAreaSubnetId: 'subnet-0a1b2c3d4e5f60718',
    });
    expect(server.launch).toEqual({
      launchDisposition: 'STARTED',
      targetInstanceTypeRightSizingMethod: 'BASIC',
      copyPrivateIp: false,
      bootMode: 'USE_SOURCE',
      // Linux is carried as it is: BYOL
      licensingOsByol: true,
    });
    expect(server.launchTemplate).toEqual({ associatePublicIpAddress: false, tenancy: 'default' });
  });

  test('maps every plan value to the MGN API value', () => {
    // GIVEN a VM that sets every field
    const server = desiredServerFor(vm({
      nics: [{ addressing: Addressing.STATIC }],
      mgn: {
        replication: {
          bandwidthThrottlingMbps: 250,
          dataPlaneRouting: DataPlaneRouting.PUBLIC_IP,
          createPublicIp: true,
          largeStagingDiskType: LargeStagingDiskType.ST1,
          ebsEncryption: EbsEncryption.CUSTOM,
          kmsKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          replicationServerInstanceType: 'm5.large',
          dedicatedReplicationServer: true,
          securityGroups: ['sg-0aaa', 'sg-0bbb'],
        },
        launch: {
          instanceType: 'm6i.large',
          rightSizing: RightSizing.NONE,
          subnet: 'subnet-0launch',
          securityGroups: ['sg-0launch'],
          copyPrivateIp: false,
          associatePublicIp: true,
          bootMode: BootMode.LEGACY_BIOS,
          tenancy: Tenancy.DEDICATED,
          hostId: 'h-0123456789abcdef0',
          hostResourceGroupArn: 'arn:aws:resource-groups:eu-west-1:123456789012:group/hosts',
          launchDisposition: LaunchDisposition.STOPPED,
        },
      },
    }), undefined, CONTEXT);

    // THEN
    expect(server.replication).toEqual({
      bandwidthThrottling: 250,
      dataPlaneRouting: 'PUBLIC_IP',
      createPublicIP: true,
      defaultLargeStagingDiskType: 'ST1',
      ebsEncryption: 'CUSTOM',
      ebsEncryptionKeyArn: 'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      replicationServerInstanceType: 'm5.large',
      useDedicatedReplicationServer: true,
      associateDefaultSecurityGroup: false,
      // the plan's groups replace the library's
      replicationServersSecurityGroupsIDs: ['sg-0aaa', 'sg-0bbb'],
      stagingAreaSubnetId: 'subnet-0a1b2c3d4e5f60718',
    });
    expect(server.launch).toEqual({
      launchDisposition: 'STOPPED',
      targetInstanceTypeRightSizingMethod: 'NONE',
      copyPrivateIp: false,
      bootMode: 'LEGACY_BIOS',
      licensingOsByol: true,
    });
    expect(server.launchTemplate).toEqual({
      instanceType: 'm6i.large',
      subnetId: 'subnet-0launch',
      securityGroupIds: ['sg-0launch'],
      associatePublicIpAddress: true,
      tenancy: 'dedicated',
      hostId: 'h-0123456789abcdef0',
      hostResourceGroupArn: 'arn:aws:resource-groups:eu-west-1:123456789012:group/hosts',
    });
  });

  test('takes each field the VM leaves out from defaults.mgn, through the MGN pack\'s merge', () => {
    // GIVEN defaults and a VM that overrides one field of each section
    const defaults: PlanDefaults = {
      mgn: {
        replication: { bandwidthThrottlingMbps: 200, dataPlaneRouting: DataPlaneRouting.PUBLIC_IP },
        launch: { subnet: 'subnet-0default', bootMode: BootMode.UEFI, instanceType: 'm6i.large' },
      },
    };
    const server = desiredServerFor(vm({ mgn: { replication: { bandwidthThrottlingMbps: 50 }, launch: { subnet: 'subnet-0own' } } }), defaults, CONTEXT);

    // THEN own values win, the rest comes from the defaults
    expect(server.replication.bandwidthThrottling).toBe(50);
    expect(server.replication.dataPlaneRouting).toBe('PUBLIC_IP');
    expect(server.launchTemplate.subnetId).toBe('subnet-0own');
    expect(server.launch.bootMode).toBe('UEFI');
    // an instance type turns right-sizing off by default
    expect(server.launchTemplate.instanceType).toBe('m6i.large');
    expect(server.launch.targetInstanceTypeRightSizingMethod).toBe('NONE');
  });

  test('copies the private IP by default when the first NIC is static', () => {
    expect(desiredServerFor(vm({ nics: [{ addressing: Addressing.STATIC }] }), undefined, CONTEXT).launch.copyPrivateIp).toBe(true);
  });

  test('licenses Windows Server BYOL on a Dedicated Host by default, and license included on default tenancy', () => {
    // GIVEN / WHEN
    const byol = desiredServerFor(windows(LicenseChoice.BYOL), undefined, CONTEXT);
    const included = desiredServerFor(windows(LicenseChoice.AWS), undefined, CONTEXT);
    const auto = desiredServerFor(windows(LicenseChoice.AUTO), undefined, CONTEXT);

    // THEN
    expect([byol.launch.licensingOsByol, byol.launchTemplate.tenancy]).toEqual([true, 'host']);
    expect([included.launch.licensingOsByol, included.launchTemplate.tenancy]).toEqual([false, 'default']);
    expect([auto.launch.licensingOsByol, auto.launchTemplate.tenancy]).toEqual([false, 'default']);
  });

  test('lets launch.tenancy override the licensing table\'s tenancy', () => {
    const server = desiredServerFor(windows(LicenseChoice.BYOL, { mgn: { launch: { tenancy: Tenancy.DEFAULT } } }), undefined, CONTEXT);
    expect([server.launch.licensingOsByol, server.launchTemplate.tenancy]).toEqual([true, 'default']);
  });

  test('takes the license decision from defaults.replication.licenseType', () => {
    const defaults = { replication: { licenseType: LicenseChoice.BYOL } };
    const server = desiredServerFor(windows(LicenseChoice.AUTO, { replication: undefined }), defaults, CONTEXT);
    expect([server.launch.licensingOsByol, server.launchTemplate.tenancy]).toEqual([true, 'host']);
  });

  test('leaves licensing and tenancy as the server has them when the OS family is not known', () => {
    const server = desiredServerFor(vm({ os: undefined }), undefined, CONTEXT);
    expect(server.launch.licensingOsByol).toBeUndefined();
    expect(server.launchTemplate.tenancy).toBeUndefined();
  });

  test('writes a written tenancy even when the OS family is not known', () => {
    const server = desiredServerFor(vm({ os: undefined, mgn: { launch: { tenancy: Tenancy.DEDICATED } } }), undefined, CONTEXT);
    expect(server.launchTemplate.tenancy).toBe('dedicated');
  });

  test('leaves the staging subnet and security groups out when the context and the plan give none', () => {
    const server = desiredServerFor(vm(), undefined, { partition: 'aws', account: '123456789012', region: 'eu-west-1' });
    expect(server.replication.stagingAreaSubnetId).toBeUndefined();
    expect(server.replication.replicationServersSecurityGroupsIDs).toBeUndefined();
    expect(server.replication.associateDefaultSecurityGroup).toBe(false);
  });

  test('encrypts with the SMS key when the VM is encrypted with kmsKeyId and names no MGN key', () => {
    const server = desiredServerFor(vm({ replication: { encrypted: true, kmsKeyId: 'alias/migration' } }), undefined, CONTEXT);
    expect(server.replication.ebsEncryption).toBe('CUSTOM');
    expect(server.replication.ebsEncryptionKeyArn).toBe('arn:aws:kms:eu-west-1:123456789012:alias/migration');
  });

  test('gives no key ARN with default encryption', () => {
    const server = desiredServerFor(vm({ mgn: { replication: { ebsEncryption: EbsEncryption.DEFAULT, kmsKeyArn: 'alias/x' } } }), undefined, CONTEXT);
    expect(server.replication.ebsEncryption).toBe('DEFAULT');
    expect(server.replication.ebsEncryptionKeyArn).toBeUndefined();
  });
});

describe('kmsKeyArn', () => {
  test('keeps an ARN, and makes ARNs of an alias and of a bare key id', () => {
    expect(kmsKeyArn('arn:aws:kms:eu-west-1:123456789012:alias/a', CONTEXT)).toBe('arn:aws:kms:eu-west-1:123456789012:alias/a');
    expect(kmsKeyArn('alias/a', CONTEXT)).toBe('arn:aws:kms:eu-west-1:123456789012:alias/a');
    expect(kmsKeyArn('1234abcd', CONTEXT)).toBe('arn:aws:kms:eu-west-1:123456789012:key/1234abcd');
  });
});

describe('desiredDefaults', () => {
  test('gives the library defaults without what depends on a VM', () => {
    // WHEN
    const defaults = desiredDefaults(undefined, CONTEXT);

    // THEN no licensing, tenancy or private-IP copy: those depend on each VM
    expect(defaults.launch).toEqual({ launchDisposition: 'STARTED', targetInstanceTypeRightSizingMethod: 'BASIC', bootMode: 'USE_SOURCE' });
    expect(defaults.launchTemplate).toEqual({ associatePublicIpAddress: false });
    expect(defaults.replication.replicationServersSecurityGroupsIDs).toEqual(['sg-0library000000000']);
    expect(defaults.replication.stagingAreaSubnetId).toBe('subnet-0a1b2c3d4e5f60718');
  });

  test('takes defaults.mgn, with copyPrivateIp only when written', () => {
    // WHEN
    const defaults = desiredDefaults({
      mgn: {
        replication: { bandwidthThrottlingMbps: 200, largeStagingDiskType: LargeStagingDiskType.GP2, securityGroups: ['sg-0plan'] },
        launch: { copyPrivateIp: true, launchDisposition: LaunchDisposition.STOPPED, associatePublicIp: true },
      },
    }, CONTEXT);

    // THEN
    expect(defaults.replication.bandwidthThrottling).toBe(200);
    expect(defaults.replication.defaultLargeStagingDiskType).toBe('GP2');
    expect(defaults.replication.replicationServersSecurityGroupsIDs).toEqual(['sg-0plan']);
    expect(defaults.launch.copyPrivateIp).toBe(true);
    expect(defaults.launch.launchDisposition).toBe('STOPPED');
    expect(defaults.launchTemplate.associatePublicIpAddress).toBe(true);
  });
});
