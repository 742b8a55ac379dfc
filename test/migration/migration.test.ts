import * as fs from 'fs';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { UnknownPolicy } from '../../lib/assessment/types';
import { Migration } from '../../lib/migration/migration';
import { MigrationPlan } from '../../lib/migration/migration-plan';
import { Plan } from '../../lib/plan/model/plan';
import { ReportFormat } from '../../lib/report/format';
import { planOf, readyLinuxVm, readyWindowsVm } from '../helpers/fixtures';
import { useTempOutdirs } from '../helpers/temp-outdirs';

const tempOutdir = useTempOutdirs('cdk-sms-migration-');

function waveVm(name: string, wave: string, change: (vm: ReturnType<typeof readyLinuxVm>) => void = () => undefined): object {
  const vm = readyLinuxVm(name);
  vm.wave = wave;
  vm.source = { vmPath: `/DC1/vm/${name}`, vmId: `vm-${name}` };
  change(vm);
  return vm;
}

const plan = (vms: object[], extra: object = {}): MigrationPlan => MigrationPlan.fromPlan(planOf(vms, extra) as Plan);

describe('Migration', () => {
  test('defines one stack per wave and one job per scheduled VM', () => {
    // GIVEN two waves and a VM the plan schedules in none
    const app = new App({ outdir: tempOutdir() });
    const unscheduled = readyWindowsVm('later-01');
    delete unscheduled.wave;
    const migration = new Migration(app, 'Migration', {
      plan: plan([waveVm('a-01', 'wave-1'), waveVm('a-02', 'wave-1'), waveVm('b-01', 'wave-2'), unscheduled]),
    });
    // THEN
    expect(migration.waves).toEqual(['wave-1', 'wave-2']);
    expect(migration.definedVms).toEqual(['a-01', 'a-02', 'b-01']);
    const wave1 = Template.fromStack(migration.waveStacksOf('wave-1')[0]);
    wave1.resourceCountIs('Custom::SmsReplicationJob', 2);
    wave1.hasResourceProperties('Custom::SmsReplicationJob', {
      VmPath: '/DC1/vm/a-01', DisplayName: 'a-01', RunOnce: 'false', FrequencyHours: '12', Description: 'a-01 (wave-1)',
    });
    expect(migration.waveStacksOf('wave-1')[0].stackName).toBe('Migration-wave-1');
    expect(migration.isDeployed('later-01')).toBe(false);
  });

  test('gives an assessment whose every object another language can receive: none is frozen', () => {
    // GIVEN VMs with the same OS, whose findings the engine shares between them
    const migration = new Migration(new App({ outdir: tempOutdir() }), 'Migration', {
      plan: plan([waveVm('a-01', 'wave-1'), waveVm('a-02', 'wave-1')]),
    });
    // WHEN
    const assessment = migration.assess();
    // THEN jsii can tag each object it passes to Python (it adds a property to it)
    const frozen: string[] = [];
    const walk = (value: unknown, where: string): void => {
      if (value !== null && typeof value === 'object') {
        if (!Object.isExtensible(value)) {
          frozen.push(where);
        }
        Object.entries(value).forEach(([key, child]) => walk(child, `${where}.${key}`));
      }
    };
    walk(assessment, 'assessment');
    expect(assessment.vms.flatMap((vm) => vm.findings).length).toBeGreaterThan(1);
    expect(frozen).toEqual([]);
  });

  test('gives each VM\'s job and each wave\'s stacks by name, and nothing for what it does not define', () => {
    // GIVEN an SMS plan with one wave and a VM the plan schedules in none
    const app = new App({ outdir: tempOutdir() });
    const unscheduled = readyWindowsVm('later-01');
    delete unscheduled.wave;
    // WHEN
    const migration = new Migration(app, 'Migration', { plan: plan([waveVm('a-01', 'wave-1'), unscheduled]) });
    // THEN the job is the construct in the wave stack; the unscheduled VM, an unknown wave and MGN's parts give nothing
    expect(migration.jobOf('a-01')!.node.path).toBe('Migration/wave-1/a-01');
    expect(migration.jobOf('later-01')).toBeUndefined();
    expect(migration.waveStacksOf('wave-9')).toEqual([]);
    expect(migration.sourceServerOf('a-01')).toBeUndefined();
    expect(migration.environments).toEqual(['*/*']);
    expect(migration.providerStackOf('*/*')).toBe(migration.providerStack);
    expect(migration.mgnAccountStackOf('*/*')).toBeUndefined();
    // THEN the stacks given are a copy: changing it changes nothing
    migration.waveStacksOf('wave-1').pop();
    expect(migration.waveStacksOf('wave-1')).toHaveLength(1);
  });

  test('fails synthesis naming the VM, the rule, the fact and the fix, and writes no assembly', () => {
    // GIVEN a scheduled VM on an unsupported RHEL release
    const outdir = tempOutdir();
    const app = new App({ outdir });
    new Migration(app, 'Migration', { plan: plan([waveVm('old-01', 'wave-1', (vm) => { vm.os.version = '7.4'; })]) });
    // WHEN / THEN
    expect(() => app.synth()).toThrow(/VM old-01: SMS-OS2 RHEL 7\.4 is not supported \(supported: 5\.1-5\.11, 6\.1-6\.9, 7\.0-7\.3\)\. Fix: /);
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(false);
  });

  test('when synthesis fails, still writes the assessment reports into the assembly folder and says where', () => {
    // GIVEN a scheduled VM on an unsupported RHEL release
    const outdir = tempOutdir();
    const app = new App({ outdir });
    new Migration(app, 'Migration', { plan: plan([waveVm('old-01', 'wave-1', (vm) => { vm.os.version = '7.4'; })]) });
    // WHEN
    let message = '';
    try {
      app.synth();
    } catch (e) {
      message = (e as Error).message;
    }
    // THEN the error names every report file, and each is there, though no assembly is
    const files = ['Migration.sms-assessment.json', 'Migration.sms-assessment.md', 'Migration.sms-assessment.html'];
    expect(message).toContain(`the assessment reports are written nonetheless: ${files.map((f) => path.join(outdir, f)).join(', ')}`);
    const report = JSON.parse(fs.readFileSync(path.join(outdir, files[0]), 'utf8'));
    expect(report.vms.map((v: { name: string; verdict: string }) => `${v.name} ${v.verdict}`)).toEqual(['old-01 not-ready']);
    expect(fs.readFileSync(path.join(outdir, files[1]), 'utf8')).toMatch(/^## SMS migration assessment/);
    expect(fs.existsSync(path.join(outdir, files[2]))).toBe(true);
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(false);
  });

  test('does not fail for VMs it does not deploy', () => {
    const app = new App({ outdir: tempOutdir() });
    const old = readyLinuxVm('old-01');
    delete old.wave;
    old.os.version = '7.4';
    new Migration(app, 'Migration', { plan: plan([waveVm('a-01', 'wave-1'), old]) });
    expect(() => app.synth()).not.toThrow();
  });

  test('fails synthesis inside a Stage, as in a pipeline', () => {
    const app = new App({ outdir: tempOutdir() });
    const stage = new Stage(app, 'Prod');
    new Migration(stage, 'Migration', { plan: plan([waveVm('old-01', 'wave-1', (vm) => { vm.os.version = '7.4'; })]) });
    expect(() => app.synth()).toThrow(/VM old-01: SMS-OS2/);
  });

  test('fails when defined inside a stack', () => {
    const app = new App({ outdir: tempOutdir() });
    const stack = new Stack(app, 'Stack');
    expect(() => new Migration(stack, 'Migration', { plan: plan([waveVm('a-01', 'wave-1')]) })).toThrow(/define it in an App or a Stage/);
  });

  test('shows warnings as annotations with the rule id, acknowledgeable in the plan and in code', () => {
    const twoNics = (vm: ReturnType<typeof readyLinuxVm>): void => {
      vm.nics.push({ ipv4: ['192.168.9.9'], ipv6: [], addressing: 'dhcp' });
    };
    const app = new App({ outdir: tempOutdir() });
    const acknowledgedInPlan = waveVm('b-01', 'wave-1', twoNics);
    (acknowledgedInPlan as { acknowledge?: object[] }).acknowledge = [{ rule: 'SMS-NET1', reason: 'backup NIC' }];
    const migration = new Migration(app, 'Migration', {
      plan: plan([waveVm('a-01', 'wave-1', twoNics), acknowledgedInPlan, waveVm('c-01', 'wave-1', twoNics)]),
    });
    migration.acknowledge('SMS-NET1', 'c-01 keeps its second NIC on purpose', { vms: ['c-*'] });
    app.synth();
    const annotations = Annotations.fromStack(migration.waveStacksOf('wave-1')[0]);
    annotations.hasWarning('/Migration/wave-1/a-01', Match.stringLikeRegexp('VM a-01: SMS-NET1 2 network interfaces'));
    annotations.hasNoWarning('/Migration/wave-1/b-01', Match.anyValue());
    annotations.hasNoWarning('/Migration/wave-1/c-01', Match.anyValue());
    expect(migration.assess().vms.find((v) => v.name === 'c-01')!.findings.find((f) => f.rule === 'SMS-NET1'))
      .toMatchObject({ acknowledged: true, reason: 'c-01 keeps its second NIC on purpose' });
  });

  test('acknowledges for every VM under a scope', () => {
    const app = new App({ outdir: tempOutdir() });
    const migration = new Migration(app, 'Migration', {
      plan: plan([waveVm('a-01', 'wave-1', (vm) => { vm.replication = { ...vm.replication, encrypted: true }; })]),
    });
    migration.acknowledgeIn(migration.waveStacksOf('wave-1')[0], 'SMS-JOB2', 'encrypted AMIs are required here');
    expect(() => app.synth()).not.toThrow();
  });

  test('refuses to acknowledge a hard rule\'s error, in code too', () => {
    const app = new App({ outdir: tempOutdir() });
    const migration = new Migration(app, 'Migration', { plan: plan([waveVm('old-01', 'wave-1', (vm) => { vm.os.version = '7.4'; })]) });
    migration.acknowledge('SMS-OS2', 'we believe it works');
    expect(() => app.synth()).toThrow(/SMS-OS2 RHEL 7\.4 is not supported .*SMS-OS2 is a hard rule/);
  });

  test('fails when an acknowledgement in code names no rule or gives no reason', () => {
    const migration = new Migration(new App({ outdir: tempOutdir() }), 'Migration', { plan: plan([waveVm('a-01', 'wave-1')]) });
    expect(() => migration.acknowledge('SMS-XX1', 'why')).toThrow(/SMS-XX1 is not a rule id/);
    expect(() => migration.acknowledge('SMS-NET1', ' ')).toThrow(/needs a reason/);
  });

  test('fails synthesis on unknowns under the error policy', () => {
    const app = new App({ outdir: tempOutdir() });
    new Migration(app, 'Migration', {
      plan: plan([waveVm('a-01', 'wave-1', (vm) => { delete vm.guest.cdromConnected; })]),
      unknownPolicy: UnknownPolicy.ERROR,
    });
    expect(() => app.synth()).toThrow(/VM a-01: SMS-PREP2 unknown: whether a CD-ROM drive is connected is not recorded/);
  });

  test('writes the assessment report into the cloud assembly folder, once', () => {
    const outdir = tempOutdir();
    const app = new App({ outdir });
    new Migration(app, 'Migration', { plan: plan([waveVm('a-01', 'wave-1'), waveVm('b-01', 'wave-2')]) });
    app.synth();
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'Migration.sms-assessment.json'), 'utf8'));
    expect(Object.keys(report)).toEqual(['summary', 'vms', 'connectors']);
    expect(report.summary).toEqual({ vms: 2, ready: 2, readyWithConditions: 0, notReady: 0, unknown: 0 });
    expect(fs.readdirSync(outdir).filter((f) => f.endsWith('.sms-assessment.json'))).toEqual(['Migration.sms-assessment.json']);
    // AND the Markdown and HTML reports beside it, by default
    expect(fs.readdirSync(outdir).filter((f) => f.startsWith('Migration.sms-assessment')).sort())
      .toEqual(['Migration.sms-assessment.html', 'Migration.sms-assessment.json', 'Migration.sms-assessment.md']);
    expect(fs.readFileSync(path.join(outdir, 'Migration.sms-assessment.md'), 'utf8')).toMatch(/a-01|2 ready/);
    expect(fs.readFileSync(path.join(outdir, 'Migration.sms-assessment.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
  });

  test('writes the report formats chosen, under the name chosen', () => {
    // GIVEN JUnit and SARIF only, named for the pipeline
    const outdir = tempOutdir();
    const app = new App({ outdir });
    new Migration(app, 'Migration', {
      plan: plan([waveVm('a-01', 'wave-1')]),
      reportFormats: [ReportFormat.JUNIT, ReportFormat.SARIF],
      reportFileName: 'assessment',
    });
    // WHEN
    app.synth();
    // THEN
    expect(fs.readdirSync(outdir).filter((f) => f.startsWith('assessment') || f.includes('sms-assessment')).sort())
      .toEqual(['assessment.junit.xml', 'assessment.sarif']);
    expect(JSON.parse(fs.readFileSync(path.join(outdir, 'assessment.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(fs.readFileSync(path.join(outdir, 'assessment.junit.xml'), 'utf8')).toMatch(/<testcase [^>]*name="a-01"/);
  });

  test('writes no report when no format is chosen', () => {
    const outdir = tempOutdir();
    const app = new App({ outdir });
    new Migration(app, 'Migration', { plan: plan([waveVm('a-01', 'wave-1')]), reportFormats: [] });
    app.synth();
    expect(fs.readdirSync(outdir).filter((f) => f.includes('sms-assessment'))).toEqual([]);
  });

  test('fails when the report name holds a folder or a format is not one', () => {
    expect(() => new Migration(new App({ outdir: tempOutdir() }), 'Migration', {
      plan: plan([waveVm('a-01', 'wave-1')]),
      reportFileName: '../elsewhere/report',
      reportFormats: ['pdf' as ReportFormat],
    })).toThrow(new RegExp('reportFileName must be a file name without a folder, got "\\.\\./elsewhere/report"; '
      + 'reportFormats holds "pdf", which is not a ReportFormat'));
  });

  test('splits a large wave into stacks by a stable hash of VM names', () => {
    // GIVEN a wave of 250 VMs and stacks of at most 100 jobs
    const vms = (count: number): object[] => Array.from({ length: count }, (_, i) => waveVm(`vm-${String(i).padStart(4, '0')}`, 'big'));
    const assignment = (count: number): Map<string, string> => {
      const m = new Migration(new App({ outdir: tempOutdir() }), 'Migration', { plan: plan(vms(count), { acknowledge: [{ rule: 'SMS-JOB4', reason: 'raised' }] }), jobsPerStack: 100 });
      return new Map(m.definedVms.map((name) => [name, m.jobOf(name)!.stack.stackName]));
    };
    const before = assignment(250);
    const after = assignment(251);
    // THEN the wave is split, no stack is over its capacity, and adding a VM moves no other VM
    // 250 jobs at three quarters of 100 per stack at most: 4 stacks
    expect(new Set(before.values()).size).toBe(4);
    const counts = [...before.values()].reduce((m, s) => m.set(s, (m.get(s) ?? 0) + 1), new Map<string, number>());
    expect(Math.max(...counts.values())).toBeLessThanOrEqual(100);
    for (const [name, stack] of before) {
      expect(after.get(name)).toBe(stack);
    }
  });
});

describe('Migration outputs for the network team', () => {
  test('writes the connectors\' firewall rules as JSON and CSV beside the report', () => {
    const outdir = tempOutdir();
    const app = new App({ outdir });
    new Migration(app, 'Migration', { plan: plan([waveVm('a-01', 'wave-1')]) });
    app.synth();
    const rows = JSON.parse(fs.readFileSync(path.join(outdir, 'Migration.connector-firewall-rules.json'), 'utf8'));
    expect(new Set(rows.map((r: { connector: string }) => r.connector))).toEqual(new Set(['dc1-connector', 'hv-connector']));
    const csv = fs.readFileSync(path.join(outdir, 'Migration.connector-firewall-rules.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^connector,/);
    expect(csv).toContain('dc1-connector');
  });
});

describe('Migration stack names', () => {
  test('fails when two waves make the same stack name', () => {
    const app = new App({ outdir: tempOutdir() });
    expect(() => new Migration(app, 'Migration', { plan: plan([waveVm('a-01', 'wave 1'), waveVm('b-01', 'wave-1')]) }))
      .toThrow(/waves "wave 1" and "wave-1" both make the stack name Migration-wave-1/);
  });

  test('fails when jobsPerStack is over 450, under the 500-resource limit', () => {
    expect(() => new Migration(new App({ outdir: tempOutdir() }), 'Migration', { plan: plan([waveVm('a-01', 'wave-1')]), jobsPerStack: 480 }))
      .toThrow(/jobsPerStack must be a whole number from 1 to 450, got 480/);
  });
});

describe('Migration and the SMS job quota', () => {
  const vms = (prefix: string, count: number): object[] => Array.from({ length: count }, (_, i) => waveVm(`${prefix}-${i + 1}`, 'wave-1'));

  test('counts the jobs of earlier migrations in the same account and Region', () => {
    // GIVEN two migrations of 30 VMs each in one account and Region, and a third elsewhere
    const app = new App({ outdir: tempOutdir() });
    const env = { account: '111111111111', region: 'us-west-2' };
    const first = new Migration(app, 'First', { plan: plan(vms('a', 30)), stackProps: { env } });
    const second = new Migration(app, 'Second', { plan: plan(vms('b', 30)), stackProps: { env } });
    const elsewhere = new Migration(app, 'Elsewhere', { plan: plan(vms('c', 30)), stackProps: { env: { ...env, region: 'us-east-1' } } });
    const over = (m: Migration): string[] => m.assess().vms.filter((v) => v.findings.some((f) => f.rule === 'SMS-JOB4')).map((v) => v.name);
    // THEN the second one's VMs past the 50th job of the account and Region fail SMS-JOB4
    expect(over(first)).toEqual([]);
    expect(over(second)).toEqual(Array.from({ length: 10 }, (_, i) => `b-${i + 21}`));
    expect(over(elsewhere)).toEqual([]);
    expect(second.assess().vms.find((v) => v.name === 'b-21')!.findings.find((f) => f.rule === 'SMS-JOB4')!.message)
      .toMatch(/^b-21 is replication job 51 of wave wave-1 in its account and region/);
  });

  test('counts each wave on its own, and an earlier migration by its largest wave', () => {
    // GIVEN an earlier migration of two waves of 30, and a later one of 20 waves of 40 in the same account and Region
    const app = new App({ outdir: tempOutdir() });
    const env = { account: '111111111111', region: 'us-west-2' };
    const first = new Migration(app, 'First', { plan: plan([...vms('a', 30), ...vms('b', 30).map((vm) => ({ ...vm, wave: 'wave-2' }))]), stackProps: { env } });
    const manyWaves = Array.from({ length: 20 }, (_, w) => Array.from({ length: 40 }, (__, i) => waveVm(`w${w + 1}-${i + 1}`, `wave-${w + 1}`))).flat();
    const second = new Migration(app, 'Second', { plan: plan(manyWaves), stackProps: { env } });
    const over = (m: Migration): string[] => m.assess().vms.filter((v) => v.findings.some((f) => f.rule === 'SMS-JOB4')).map((v) => v.name);
    // THEN the first passes (30 at once), and each wave of the second counts from 31: its last 20 VMs fail
    expect(over(first)).toEqual([]);
    expect(over(second)).toEqual(Array.from({ length: 20 }, (_, w) => Array.from({ length: 20 }, (__, i) => `w${w + 1}-${i + 21}`)).flat());
  });

  test('does not count unscheduled VMs, nor fail synthesis for them', () => {
    // GIVEN a wave of 50 VMs and 5 VMs without a wave, one of them not ready
    const app = new App({ outdir: tempOutdir() });
    const later = Array.from({ length: 5 }, (_, i) => {
      const vm = readyLinuxVm(`later-${i + 1}`);
      delete vm.wave;
      return vm;
    });
    later[0].os.version = '7.4';
    const migration = new Migration(app, 'Migration', { plan: plan([...later.slice(0, 2), ...vms('a', 50), ...later.slice(2)]) });
    // THEN none fails SMS-JOB4, the unscheduled VMs are not deployed, and synthesis succeeds
    expect(migration.assess().vms.filter((v) => v.findings.some((f) => f.rule === 'SMS-JOB4'))).toEqual([]);
    expect(migration.definedVms).toHaveLength(50);
    expect(later.map((vm) => migration.isDeployed(vm.name))).toEqual([false, false, false, false, false]);
    expect(() => app.synth()).not.toThrow();
  });

  test('fails the 51st VM of a wave at synthesis', () => {
    const app = new App({ outdir: tempOutdir() });
    new Migration(app, 'Migration', { plan: plan(vms('a', 51)) });
    expect(() => app.synth()).toThrow(/VM a-51: SMS-JOB4 a-51 is replication job 51 of wave wave-1 /);
  });
});

describe('Migration of a plan that names no wave', () => {
  const noWave = (name: string, change: (vm: ReturnType<typeof readyLinuxVm>) => void = () => undefined): object =>
    waveVm(name, 'unused', (vm) => {
      delete vm.wave;
      change(vm);
    });

  test('deploys the whole plan as one wave, all', () => {
    // GIVEN a plan whose VMs name no wave
    const app = new App({ outdir: tempOutdir() });
    const migration = new Migration(app, 'Migration', { plan: plan([noWave('a-01'), noWave('a-02'), noWave('a-03')]) });
    // THEN one stack holds every VM's job
    expect(migration.waves).toEqual(['all']);
    const [stack] = migration.waveStacksOf('all');
    expect(stack.stackName).toBe('Migration-all');
    expect(stack.node.path).toBe('Migration/all');
    expect(stack.templateOptions.description).toBe('SMS replication jobs of the plan, which names no waves');
    Template.fromStack(stack).resourceCountIs('Custom::SmsReplicationJob', 3);
    expect(migration.definedVms).toEqual(['a-01', 'a-02', 'a-03']);
    expect(migration.isDeployed('a-02')).toBe(true);
    expect(migration.assess().vms.some((v) => v.unscheduled)).toBe(false);
  });

  test('fails synthesis for a VM that is not ready, since it is deployed', () => {
    const app = new App({ outdir: tempOutdir() });
    new Migration(app, 'Migration', { plan: plan([noWave('a-01'), noWave('old-01', (vm) => { vm.os.version = '7.4'; })]) });
    expect(() => app.synth()).toThrow(/VM old-01: SMS-OS2 RHEL 7\.4 is not supported/);
  });

  test('fails the 51st VM at synthesis: the plan is one wave', () => {
    const app = new App({ outdir: tempOutdir() });
    new Migration(app, 'Migration', { plan: plan(Array.from({ length: 51 }, (_, i) => noWave(`vm-${i + 1}`))) });
    expect(() => app.synth()).toThrow(/VM vm-51: SMS-JOB4 vm-51 is replication job 51 of the plan /);
  });

  test('selects the one wave by its name, and fails when waves names another, saying the plan names none', () => {
    const vms = [noWave('a-01')];
    expect(new Migration(new App({ outdir: tempOutdir() }), 'Migration', { plan: plan(vms), waves: ['all'] }).definedVms).toEqual(['a-01']);
    expect(() => new Migration(new App({ outdir: tempOutdir() }), 'Migration', { plan: plan(vms), waves: ['wave-1'] }))
      .toThrow('waves names "wave-1", which no VM of plan in code is in (it names no waves, so it is one wave, all, deployed whole)');
  });
});

describe('Migration of a plan with unscheduled VMs', () => {
  test('fails when waves names a wave of no VM, listing the plan\'s waves', () => {
    const later = readyLinuxVm('later-01');
    delete later.wave;
    expect(() => new Migration(new App({ outdir: tempOutdir() }), 'Migration', {
      plan: plan([waveVm('a-01', 'wave-1'), later, waveVm('b-01', 'wave-2')]),
      waves: ['wave-3'],
    })).toThrow('waves names "wave-3", which no VM of plan in code is in (waves: wave-1, wave-2)');
  });

  test('reports them as unscheduled in the JSON, Markdown and HTML reports', () => {
    // GIVEN a wave and a VM without one
    const outdir = tempOutdir();
    const app = new App({ outdir });
    const later = readyLinuxVm('later-01');
    delete later.wave;
    new Migration(app, 'Migration', { plan: plan([waveVm('a-01', 'wave-1'), later]) });
    // WHEN
    app.synth();
    // THEN
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'Migration.sms-assessment.json'), 'utf8'));
    expect(report.vms.map((v: { name: string; unscheduled?: boolean }) => [v.name, v.unscheduled])).toEqual([['a-01', undefined], ['later-01', true]]);
    expect(fs.readFileSync(path.join(outdir, 'Migration.sms-assessment.md'), 'utf8')).toMatch(/\| later-01 \| \(unscheduled\) \|/);
    expect(fs.readFileSync(path.join(outdir, 'Migration.sms-assessment.html'), 'utf8')).toContain('<td class="dim">(unscheduled)</td>');
  });

  test('fails when a VM\'s wave is empty', () => {
    expect(() => plan([waveVm('a-01', ' ')])).toThrow(/vms\[0\]\.wave: must name a wave, not be empty or only whitespace \(got " "\)/);
  });
});
