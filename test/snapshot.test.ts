/**
 * Snapshots of whole templates, so that any change to what is deployed shows in review: a job with
 * every default, a job with every prop, and a small migration wave. Asset hashes (the handler bundle,
 * the provider framework) are masked: they change with every build of the handler, not with the template.
 */
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { LicenseType, ReplicationFrequency, ReplicationJob, ReplicationJobAssessment, ReplicationServer, SeedTime } from '../lib';
import { Migration } from '../lib/migration/migration';
import { MigrationPlan } from '../lib/migration/migration-plan';
import { LicenseChoice, Plan, ReplicationType, Vm } from '../lib/plan/model/plan';
import { planOf, readyLinuxVm, readyWindowsVm } from './helpers/fixtures';
import { useTempOutdirs } from './helpers/temp-outdirs';

/** An asset hash: a SHA-256 in hex. */
const ASSET_HASH = /\b[0-9a-f]{64}\b/g;

const tempOutdir = useTempOutdirs('cdk-sms-snapshot-');

/** The template of `stack`, with every asset S3 key and every other asset hash replaced by a placeholder. */
function maskedTemplate(stack: Stack): unknown {
  const template = Template.fromStack(stack).toJSON();
  return JSON.parse(JSON.stringify(template, (key: string, value: unknown) => {
    if (key === 'S3Key' && typeof value === 'string') {
      return '<asset S3 key>';
    }
    return typeof value === 'string' ? value.replace(ASSET_HASH, '<asset hash>') : value;
  }));
}

describe('template snapshots', () => {
  test('a replication job with every default', () => {
    // GIVEN
    const stack = new Stack(new App({ outdir: tempOutdir() }), 'Stack');

    // WHEN
    new ReplicationJob(stack, 'Job', { server: ReplicationServer.fromVmName('web-01') });

    // THEN
    const template = maskedTemplate(stack);
    expect(JSON.stringify(template)).not.toMatch(ASSET_HASH);
    expect(template).toMatchSnapshot();
  });

  test('a replication job with every prop', () => {
    // GIVEN
    const stack = new Stack(new App({ outdir: tempOutdir() }), 'Stack');
    const key = new kms.Key(stack, 'Key');
    const role = new iam.Role(stack, 'SmsRole', { assumedBy: new iam.ServicePrincipal('sms.amazonaws.com') });
    const vm = readyLinuxVm('web-01');
    vm.acknowledge = [{ rule: 'SMS-JOB2', reason: 'encrypted AMIs are required in this account' }];

    // WHEN
    const job = new ReplicationJob(stack, 'Job', {
      server: ReplicationServer.fromVmPath('/DC1/vm/wave-1/web-01'),
      frequency: ReplicationFrequency.every(Duration.hours(6)),
      seedTime: SeedTime.atIso('2026-12-01T02:00:00Z'),
      licenseType: LicenseType.BYOL,
      numberOfRecentAmisToKeep: 5,
      encryptionKey: key,
      encrypted: true,
      role,
      description: 'web tier',
      removalPolicy: RemovalPolicy.RETAIN,
      displayName: 'Web 01',
    });
    new ReplicationJobAssessment(job, 'Assessment', {
      vm: vm as Vm,
      planDefaults: { replication: { type: ReplicationType.INTERVAL, frequencyHours: 12, licenseType: LicenseChoice.AUTO } },
    });

    // THEN
    expect(maskedTemplate(stack)).toMatchSnapshot();
  });

  test('a migration wave of two VMs', () => {
    // GIVEN
    const app = new App({ outdir: tempOutdir() });

    // WHEN
    const migration = new Migration(app, 'Migration', {
      plan: MigrationPlan.fromPlan(planOf([readyLinuxVm('web-01'), readyWindowsVm('app-01')]) as Plan),
    });

    // THEN the wave stack holds the jobs, and the provider stack their provider
    expect(maskedTemplate(migration.waveStacksOf('wave-1')[0])).toMatchSnapshot();
    expect(maskedTemplate(migration.providerStack!)).toMatchSnapshot();
  });
});
