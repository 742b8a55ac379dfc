import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CreateLaunchConfigurationTemplateCommand, CreateReplicationConfigurationTemplateCommand, MgnClient } from '@aws-sdk/client-mgn';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Migration, MigrationPlan } from '../../../lib/migration';
import { ResourceTypes } from '../../../lib/mgn/handler/api';
import { Plan } from '../../../lib/plan/model/plan';
import { IntrinsicValues, ResourceDefinition, customResources } from '../../support/cfn-driver';
import { E2E_ACCOUNT, E2E_REGION } from './harness';

/**
 * A `Migration` of an MGN plan synthesized by the real constructs, and what CloudFormation would do with
 * the parts of it that are not the handler's: the import CSV published to the assets bucket (a folder
 * standing in for S3), and the account stack's MGN templates (L1 resources CloudFormation creates through
 * the MGN API) created in the emulator.
 */

/** The example MGN plan, as a plan built in code (a deep copy each time: tests change it). */
export function examplePlan(): Plan {
  const file = path.join(__dirname, '..', '..', '..', 'examples', 'plan-mgn.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Plan;
}

/** The handler's resource types in a wave stack. */
export const WAVE_STACK_TYPES = [ResourceTypes.WAVE, ResourceTypes.IMPORT, ResourceTypes.SOURCE_SERVER];

/** A synthesized stack: its template, its artifact id and the custom resources of the handler. */
export interface SynthesizedStack {
  readonly artifactId: string;
  readonly template: Record<string, unknown>;
  /** The handler's custom resources, as CloudFormation hands them over. */
  readonly resources: Record<string, ResourceDefinition>;
}

/** The stacks of one synthesis. */
export interface SynthesizedMigration {
  readonly outdir: string;
  readonly account: SynthesizedStack;
  readonly waves: ReadonlyMap<string, SynthesizedStack>;
  /** Logical id of each plan VM's `Custom::MgnSourceServer`, by VM name, over every wave stack. */
  readonly serverIds: ReadonlyMap<string, string>;
}

/** Values CloudFormation gives the intrinsics the templates use. */
export const INTRINSICS: IntrinsicValues = {
  ref: { 'AWS::AccountId': E2E_ACCOUNT, 'AWS::Region': E2E_REGION, 'AWS::Partition': 'aws' },
};

/** The security group the staging area would get (the account stack's `Fn::GetAtt ... GroupId`). */
export const REPLICATION_SECURITY_GROUP = 'sg-0e2e0000000000001';

export interface SynthOptions {
  /** @default 'fixed' */
  readonly refresh?: string;
  readonly serverRemovalPolicy?: RemovalPolicy;
}

/** Synthesizes the plan into a folder under `root` (removed with it). */
export function synthesize(plan: Plan, root: string, options: SynthOptions = {}): SynthesizedMigration {
  const outdir = fs.mkdtempSync(path.join(root, 'cdk.out-'));
  const app = new App({ outdir });
  const migration = new Migration(app, 'Migration', {
    plan: MigrationPlan.fromPlan(plan, 'e2e plan'),
    asOf: '2026-12-04',
    serverRefresh: options.refresh ?? 'fixed',
    serverRemovalPolicy: options.serverRemovalPolicy,
    stackProps: { env: { account: E2E_ACCOUNT, region: E2E_REGION } },
  });
  app.synth();
  const of = (stack: Stack, types: string | readonly string[]): SynthesizedStack => {
    const template = Template.fromStack(stack).toJSON();
    return { artifactId: stack.artifactId, template, resources: customResources(template, types, INTRINSICS) };
  };
  const waves = new Map<string, SynthesizedStack>();
  const serverIds = new Map<string, string>();
  for (const wave of migration.waves) {
    const synthesized = of(migration.waveStacksOf(wave)[0], WAVE_STACK_TYPES);
    waves.set(wave, synthesized);
    for (const [logicalId, r] of Object.entries(synthesized.resources)) {
      if (r.type === ResourceTypes.SOURCE_SERVER) {
        serverIds.set(String(r.properties.VmName), logicalId);
      }
    }
  }
  return { outdir, account: of(migration.mgnAccountStack!, ResourceTypes.INITIALIZATION), waves, serverIds };
}

/**
 * Publishes the import CSV of a wave stack as `cdk deploy` would: the file asset named in the stack's
 * assets manifest, copied to `<s3Root>/<bucket>/<key>` for each `Custom::MgnImport` of the stack.
 * Answers the number of files published.
 */
export function publishImportCsv(synth: SynthesizedMigration, stack: SynthesizedStack, s3Root: string): number {
  const manifest = JSON.parse(fs.readFileSync(path.join(synth.outdir, `${stack.artifactId}.assets.json`), 'utf8')) as {
    files: Record<string, { source: { path: string }; destinations: Record<string, { bucketName: string; objectKey: string }> }>;
  };
  let published = 0;
  for (const r of Object.values(stack.resources).filter((d) => d.type === ResourceTypes.IMPORT)) {
    const bucket = String(r.properties.Bucket);
    const key = String(r.properties.Key);
    const asset = Object.values(manifest.files).find((f) => Object.values(f.destinations)
      .some((d) => d.bucketName.replace('${AWS::AccountId}', E2E_ACCOUNT).replace('${AWS::Region}', E2E_REGION) === bucket && d.objectKey === key));
    if (!asset) {
      throw new Error(`${stack.artifactId}: no asset of the manifest is s3://${bucket}/${key}`);
    }
    const target = path.join(s3Root, bucket, key);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(synth.outdir, asset.source.path), target);
    published += 1;
  }
  return published;
}

/** `AssociateDefaultSecurityGroup` → `associateDefaultSecurityGroup`, `CreatePublicIP` → `createPublicIP`. */
function apiMembers(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k[0].toLowerCase() + k.slice(1), v]));
}

/**
 * Creates the account stack's `AWS::MGN::ReplicationConfigurationTemplate` and
 * `AWS::MGN::LaunchConfigurationTemplate` in the emulator, as CloudFormation would once the
 * initialization resource they depend on exists: the servers MGN adds later take their settings from them.
 */
export async function createAccountTemplates(account: SynthesizedStack): Promise<void> {
  const resources = (account.template as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> }).Resources;
  const of = (type: string) => {
    const found = Object.values(resources).filter((r) => r.Type === type);
    expect(found).toHaveLength(1);
    return found[0].Properties;
  };
  const rct = apiMembers(of('AWS::MGN::ReplicationConfigurationTemplate'));
  rct.replicationServersSecurityGroupsIDs = (rct.replicationServersSecurityGroupsIDs as unknown[]).map(() => REPLICATION_SECURITY_GROUP);
  const lct = apiMembers(of('AWS::MGN::LaunchConfigurationTemplate'));
  const client = new MgnClient({ maxAttempts: 1 });
  try {
    await client.send(new CreateReplicationConfigurationTemplateCommand(rct as never));
    await client.send(new CreateLaunchConfigurationTemplateCommand(lct as never));
  } finally {
    client.destroy();
  }
}

/** A temporary folder for one test file, under the run's temporary directory. */
export function tempRoot(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
}
