import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AcknowledgementOrigin } from '../../lib/assessment/types';
import { Migration } from '../../lib/migration/migration';
import { MigrationPlan } from '../../lib/migration/migration-plan';
import { Plan, Vm } from '../../lib/plan/model/plan';
import { ReplicationJob } from '../../lib/sms/replication-job';
import { ReplicationServer } from '../../lib/sms/replication-server';
import { ruleIdOf } from '../../lib/validation/acknowledgements';
import { ReplicationJobAssessment } from '../../lib/validation/replication-job-assessment';
import { planOf, readyLinuxVm } from '../helpers/fixtures';
import { useTempOutdirs } from '../helpers/temp-outdirs';

const tempOutdir = useTempOutdirs('cdk-sms-acks-');

/** A plan of ready VMs in wave-1, each with a second NIC (an SMS-NET1 warning) when asked. */
function plan(names: string[], twoNics: string[] = []): MigrationPlan {
  const vms = names.map((name) => {
    const vm = readyLinuxVm(name);
    vm.wave = 'wave-1';
    if (twoNics.includes(name)) {
      vm.nics.push({ ipv4: ['192.168.9.9'], ipv6: [], addressing: 'dhcp' });
    }
    return vm;
  });
  return MigrationPlan.fromPlan(planOf(vms) as Plan);
}

describe('ruleIdOf', () => {
  test.each([
    ['SMS-NET1'], ['sms-net1'], [' SMS-NET1 '], ['cdk-sms-migration::SMS-NET1'], ['cdk-sms-migration:SMS-NET1'], ['annotation::cdk-sms-migration:SMS-NET1'],
  ])('reads %p as SMS-NET1', (id) => {
    expect(ruleIdOf(id)).toBe('SMS-NET1');
  });
});

describe('acknowledgements given to constructs', () => {
  test('code takes the rule id in any of its spellings', () => {
    // GIVEN two VMs with a second NIC, acknowledged in code with CDK's two spellings of the id
    const app = new App({ outdir: tempOutdir() });
    const migration = new Migration(app, 'Migration', { plan: plan(['a-01', 'b-01'], ['a-01', 'b-01']) });
    migration.acknowledge('cdk-sms-migration::SMS-NET1', 'backup NIC', { vms: ['a-*'] });
    migration.acknowledgeIn(migration.jobOf('b-01')!, 'cdk-sms-migration:SMS-NET1', 'backup NIC too');
    // WHEN assessed
    const vms = migration.assess().vms;
    // THEN both findings are acknowledged with their reasons, and no acknowledgement is left unused
    expect(vms.map((vm) => vm.findings.filter((f) => f.rule === 'SMS-NET1').map((f) => [f.acknowledged, f.reason])))
      .toEqual([[[true, 'backup NIC']], [[true, 'backup NIC too']]]);
    expect(migration.assess().unusedAcknowledgements).toEqual([]);
  });

  test('an unused acknowledgement given in code says so, and where', () => {
    // GIVEN an acknowledgement in code that matches nothing
    const app = new App({ outdir: tempOutdir() });
    const migration = new Migration(app, 'Migration', { plan: plan(['a-01']) });
    migration.acknowledge('SMS-NET1', 'no second NIC any more', { vms: ['a-*'] });
    // WHEN synthesized
    app.synth();
    // THEN the assessment lists it as given in code on the migration, and the warning names code, not the plan file
    expect(migration.assess().unusedAcknowledgements).toEqual([{
      rule: 'SMS-NET1', reason: 'no second NIC any more', scope: 'plan', vms: ['a-*'], origin: AcknowledgementOrigin.CODE, at: 'Migration',
    }]);
    Annotations.fromStack(migration.waveStacksOf('wave-1')[0]).hasWarning('/Migration/wave-1',
      Match.stringLikeRegexp('^acknowledge\\(\\) in code on Migration: the acknowledgement of SMS-NET1 for the plan \\(a-\\*\\) matches no finding'));
  });

  test('an unused acknowledgement recorded with CDK names the construct it was recorded on', () => {
    // GIVEN a CDK acknowledgement on a wave stack that matches nothing
    const app = new App({ outdir: tempOutdir() });
    const migration = new Migration(app, 'Migration', { plan: plan(['a-01']) });
    Validations.of(migration.waveStacksOf('wave-1')[0]).acknowledge({ id: 'cdk-sms-migration::SMS-NET1', reason: 'stale' });
    // WHEN assessed
    const unused = migration.assess().unusedAcknowledgements;
    // THEN it is given with CDK's acknowledgement, on the wave stack, for the VMs below it
    expect(unused).toEqual([{
      rule: 'SMS-NET1', reason: 'stale', scope: 'plan', vms: ['a-01'], origin: AcknowledgementOrigin.CDK, at: 'Migration/wave-1',
    }]);
  });

  test('a standalone job takes CDK acknowledgements recorded on it, as a migration does', () => {
    // GIVEN a job whose VM has a second NIC, acknowledged with CDK's API on the job's stack
    const app = new App({ outdir: tempOutdir() });
    const stack = new Stack(app, 'Stack');
    const job = new ReplicationJob(stack, 'Job', { server: ReplicationServer.fromServerId('s-12345678') });
    const vm = readyLinuxVm('web-01');
    vm.nics.push({ ipv4: ['192.168.9.9'], ipv6: [], addressing: 'dhcp' });
    const assessment = new ReplicationJobAssessment(job, 'Assessment', { vm: vm as Vm });
    Validations.of(stack).acknowledge({ id: 'cdk-sms-migration::SMS-NET1', reason: 'backup NIC' });
    // WHEN synthesized
    app.synth();
    // THEN the finding is acknowledged and no warning is left on the job
    expect(assessment.assess().vms[0].findings.find((f) => f.rule === 'SMS-NET1')).toMatchObject({ acknowledged: true, reason: 'backup NIC' });
    Annotations.fromStack(stack).hasNoWarning('/Stack/Job', Match.stringLikeRegexp('SMS-NET1'));
  });
});
