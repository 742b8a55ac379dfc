/**
 * A plan over several accounts and Regions (README, "Several accounts and Regions"): each wave's
 * stacks are placed in its environment, the account-level stacks are defined once per environment,
 * and each wave stack calls the provider of its own environment.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { generatePlan } from '../../bench/plan-generator';
import { Migration } from '../../lib/migration/migration';
import { MigrationPlan } from '../../lib/migration/migration-plan';
import { Plan } from '../../lib/plan/model/plan';
import { useMgnBundle } from '../mgn/constructs/bundle';

const A = '111111111111';
const B = '222222222222';
const C = '333333333333';
const HOME = { account: A, region: 'eu-west-1' };
const MGN_EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'plan-mgn.json');
useMgnBundle();

const outdirs: string[] = [];
function newApp(): App {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sms-envs-'));
  outdirs.push(outdir);
  return new App({ outdir });
}
afterAll(() => outdirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

const envOf = (stack: Stack) => `${stack.account}/${stack.region}`;

/** A ready SMS plan of 12 VMs over three accounts and two Regions. */
function smsPlan(): Plan {
  const generated = generatePlan(12) as unknown as Plan;
  const waveOf = (i: number) => ['w1', 'w2', 'w3', 'w4'][i % 4];
  return {
    ...generated,
    waves: [
      { name: 'w1' },                                        // the migration's own: A, eu-west-1
      { name: 'w2', account: B },                            // B, eu-west-1
      { name: 'w3', account: C, region: 'us-east-1' },       // C, us-east-1
      { name: 'w4', region: 'us-east-1' },                   // A, us-east-1
    ],
    // The first VM of w1 goes to account B on its own: w1 is split over two accounts.
    vms: generated.vms.map((vm, i) => ({ ...vm, wave: waveOf(i), ...(i === 0 ? { account: B } : {}) })),
  };
}

describe('an SMS migration over several accounts and Regions', () => {
  const app = newApp();
  const migration = new Migration(app, 'Migration', { plan: MigrationPlan.fromPlan(smsPlan(), 'plan'), stackProps: { env: HOME } });
  const assembly = app.synth();

  test('defines one provider stack per environment, the migration\'s own as before', () => {
    expect(migration.environments).toEqual([`${A}/eu-west-1`, `${B}/eu-west-1`, `${C}/us-east-1`, `${A}/us-east-1`]);
    expect(migration.providerStack!.node.id).toBe('Provider');
    expect(migration.providerStack!.stackName).toBe('Migration-provider');
    const away = migration.providerStackOf(`${C}/us-east-1`)!;
    expect(away.node.id).toBe(`Provider-${C}-us-east-1`);
    expect(away.stackName).toBe(`Migration-provider-${C}-us-east-1`);
    expect(envOf(away)).toBe(`${C}/us-east-1`);
  });

  test('places each wave\'s stacks in its environment, and splits a wave whose VMs name two', () => {
    const stacks = (wave: string) => migration.waveStacksOf(wave).map((s) => [s.node.id, envOf(s)]);
    expect(stacks('w1')).toEqual([[`w1-${B}-eu-west-1`, `${B}/eu-west-1`], [`w1-${A}-eu-west-1`, `${A}/eu-west-1`]]);
    expect(stacks('w2')).toEqual([['w2', `${B}/eu-west-1`]]);
    expect(stacks('w3')).toEqual([['w3', `${C}/us-east-1`]]);
    expect(stacks('w4')).toEqual([['w4', `${A}/us-east-1`]]);
    // AND the cloud assembly deploys each to its environment
    const w3 = assembly.getStackArtifact(migration.waveStacksOf('w3')[0].artifactId);
    expect(w3.environment).toMatchObject({ account: C, region: 'us-east-1' });
  });

  test('has each job call the provider of its own environment, by its function name', () => {
    for (const wave of migration.waves) {
      for (const stack of migration.waveStacksOf(wave)) {
        const provider = migration.providerStackOf(envOf(stack))!;
        const functionName = `${provider.stackName}-onEvent`;
        const jobs = Template.fromStack(stack).findResources('Custom::SmsReplicationJob');
        expect(Object.keys(jobs).length).toBeGreaterThan(0);
        for (const job of Object.values(jobs)) {
          expect(JSON.stringify(job.Properties.ServiceToken)).toContain(functionName);
        }
        expect(stack.dependencies).toContain(provider);
        expect(wave).toMatch(/^w[1-4]$/);
      }
    }
  });
});

describe('an MGN migration over several accounts and Regions', () => {
  /** The MGN example with wave-2 in account B, eu-central-1, and one of its VMs in B's eu-west-1. */
  function mgnPlan(): Plan {
    const example = MigrationPlan.fromFile(MGN_EXAMPLE).plan;
    return {
      ...example,
      waves: example.waves!.map((w) => (w.name === 'wave-2' ? { ...w, account: B, region: 'eu-central-1' } : w)),
      vms: [
        ...example.vms,
        { ...example.vms.find((vm) => vm.name === 'db-02')!, name: 'db-03', region: 'eu-west-1' },
      ],
    };
  }
  const app = newApp();
  const env = { account: '123456789012', region: 'eu-west-1' };
  const migration = new Migration(app, 'Migration', {
    plan: MigrationPlan.fromPlan(mgnPlan(), 'plan'), stackProps: { env }, asOf: '2026-12-04', serverRefresh: 'fixed',
  });
  app.synth();
  const outdir = app.outdir;

  test('defines an account stack per environment, MGN\'s service roles once per account', () => {
    expect(migration.environments).toEqual(['123456789012/eu-west-1', `${B}/eu-central-1`, `${B}/eu-west-1`]);
    const roles = (key: string) => Object.keys(Template.fromStack(migration.mgnAccountStackOf(key)!).findResources('AWS::IAM::Role'))
      .filter((id) => id.startsWith('ServiceRoles')).length;
    expect(roles('123456789012/eu-west-1')).toBe(6);
    expect(roles(`${B}/eu-central-1`)).toBe(6);
    expect(roles(`${B}/eu-west-1`)).toBe(0);
  });

  test('gives another environment a staging VPC of the library\'s: the plan\'s staging subnet is the migration\'s own', () => {
    const home = Template.fromStack(migration.mgnAccountStack!);
    const away = Template.fromStack(migration.mgnAccountStackOf(`${B}/eu-central-1`)!);
    expect(Object.keys(home.findResources('AWS::EC2::VPC'))).toHaveLength(0);
    expect(Object.keys(away.findResources('AWS::EC2::VPC'))).toHaveLength(1);
  });

  test('places the wave stacks in their environments and writes install commands per environment, with its Region', () => {
    expect(migration.waveStacksOf('wave-1').map(envOf)).toEqual(['123456789012/eu-west-1']);
    expect(migration.waveStacksOf('wave-2').map((s) => [s.node.id, envOf(s)]))
      .toEqual([[`wave-2-${B}-eu-central-1`, `${B}/eu-central-1`], [`wave-2-${B}-eu-west-1`, `${B}/eu-west-1`]]);
    const home = JSON.parse(fs.readFileSync(path.join(outdir, 'Migration.mgn-install-commands.json'), 'utf8'));
    const away = JSON.parse(fs.readFileSync(path.join(outdir, `Migration.mgn-install-commands-${B}-eu-central-1.json`), 'utf8'));
    expect(JSON.stringify(home)).toContain('web-01');
    expect(JSON.stringify(home)).not.toContain('db-02');
    expect(JSON.stringify(away)).toContain('db-02');
    expect(JSON.stringify(away)).toContain('--region eu-central-1');
    expect(JSON.stringify(away)).not.toContain('db-03');
  });
});
