/**
 * A `Migration` of 2,000 VMs stays within what CloudFormation accepts: every stack at most 500
 * resources and a template of at most 1,000,000 bytes (the limit for a template uploaded through S3,
 * as `cdk deploy` does), split as the construct documents.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { generatePlan } from '../../bench/plan-generator';
import { Migration } from '../../lib/migration/migration';
import { MigrationPlan } from '../../lib/migration/migration-plan';
import { Plan } from '../../lib/plan/model/plan';

/** CloudFormation's limits for one stack. */
const MAX_RESOURCES = 500;
const MAX_TEMPLATE_BYTES = 1_000_000;
/** `jobsPerStack`'s default. */
const JOBS_PER_STACK = 400;

/** Synthesizing 2,000 jobs takes about 10 seconds alone, more beside other test files. */
const TIMEOUT_MS = 180_000;

interface GeneratedPlan {
  acknowledge?: object[];
  vms: Array<{ name: string; wave?: string }>;
}

/** The generated plan of `count` VMs, the first `firstWave` of them in wave-a and the others in wave-b. */
function scalePlan(count: number, firstWave: number): GeneratedPlan {
  const plan = generatePlan(count) as GeneratedPlan;
  plan.vms.forEach((vm, i) => {
    vm.wave = i < firstWave ? 'wave-a' : 'wave-b';
  });
  // Far more than the 50 concurrent jobs SMS allows by default.
  plan.acknowledge = [{ rule: 'SMS-JOB4', reason: 'quota raised for this migration by AWS Support', vms: ['*'] }];
  return plan;
}

describe('Migration at scale', () => {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sms-scale-'));
  afterAll(() => fs.rmSync(outdir, { recursive: true, force: true }));

  test('synthesizes 2,000 VMs in two waves into stacks within CloudFormation\'s limits, sharded as documented', () => {
    // GIVEN 1,100 VMs in wave-a and 900 in wave-b
    const generated = scalePlan(2_000, 1_100);
    // Version reporting on, as `cdk synth` runs an app: each stack carries one more resource (AWS::CDK::Metadata)
    const app = new App({ outdir, analyticsReporting: true });
    const migration = new Migration(app, 'Migration', { plan: MigrationPlan.fromPlan(generated as unknown as Plan, 'generated plan') });

    // WHEN
    const assembly = app.synth();

    // THEN synthesis succeeds, with every VM ready
    expect(migration.assess().summary).toMatchObject({ vms: 2_000, notReady: 0, unknown: 0 });
    expect(migration.definedVms).toHaveLength(2_000);

    // THEN each wave is split into as few stacks (1, 2, 4, ...) as hold it at three quarters of
    // jobsPerStack (300 jobs): 4 for 1,100 VMs (more than 600), 4 for 900
    expect(migration.waves).toEqual(['wave-a', 'wave-b']);
    expect(migration.waveStacksOf('wave-a').map((s) => s.stackName))
      .toEqual(['Migration-wave-a-1', 'Migration-wave-a-2', 'Migration-wave-a-3', 'Migration-wave-a-4']);
    expect(migration.waveStacksOf('wave-b').map((s) => s.stackName))
      .toEqual(['Migration-wave-b-1', 'Migration-wave-b-2', 'Migration-wave-b-3', 'Migration-wave-b-4']);
    expect(migration.waveStacksOf('wave-a')[0].templateOptions.description).toBe('SMS replication jobs of wave wave-a (stack 1 of 4)');

    // THEN every job is in a stack of its own VM's wave, and every VM of a wave is in one of them
    for (const vm of generated.vms) {
      expect(migration.jobOf(vm.name)!.stack.stackName).toMatch(new RegExp(`^Migration-${vm.wave}-[1-4]$`));
    }

    // THEN every stack of the cloud assembly (the eight wave stacks and the provider stack) holds at most
    // jobsPerStack jobs, 500 resources and 1,000,000 bytes
    expect(assembly.stacks).toHaveLength(9);
    expect(assembly.stacks.map((s) => s.stackName)).toContain('Migration-provider');
    let jobs = 0;
    for (const stack of assembly.stacks) {
      const template = Template.fromJSON(stack.template);
      const stackJobs = Object.keys(template.findResources('Custom::SmsReplicationJob')).length;
      jobs += stackJobs;
      expect(stackJobs).toBeLessThanOrEqual(JOBS_PER_STACK);
      expect(Object.keys(stack.template.Resources).length).toBeLessThanOrEqual(MAX_RESOURCES);
      expect(fs.statSync(path.join(assembly.directory, stack.templateFile)).size).toBeLessThanOrEqual(MAX_TEMPLATE_BYTES);
    }
    expect(jobs).toBe(2_000);
  }, TIMEOUT_MS);

  test('moves no VM between the stacks of its wave when other VMs are removed', () => {
    // GIVEN the same plan, and the plan without a tenth of wave-a's VMs (1,000 VMs: still 4 stacks)
    const full = scalePlan(2_000, 1_100);
    const fewer = scalePlan(2_000, 1_100);
    fewer.vms = fewer.vms.filter((_, i) => i >= 1_100 || i % 10 !== 0);
    const stackOf = (plan: GeneratedPlan): Map<string, string> => {
      const migration = new Migration(new App(), 'Migration', { plan: MigrationPlan.fromPlan(plan as unknown as Plan, 'generated plan') });
      return new Map(migration.definedVms.map((name) => [name, migration.jobOf(name)!.stack.stackName]));
    };

    // WHEN
    const before = stackOf(full);
    const after = stackOf(fewer);

    // THEN
    expect(after.size).toBe(1_890);
    for (const [name, stack] of after) {
      expect(stack).toBe(before.get(name));
    }
  }, TIMEOUT_MS);
});
