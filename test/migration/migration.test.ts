import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { UnknownPolicy } from '../../lib/assessment/types';
import { Migration } from '../../lib/migration/migration';
import { MigrationPlan } from '../../lib/migration/migration-plan';
import { Plan } from '../../lib/plan/model/plan';
import { ReportFormat } from '../../lib/report/format';
import { planOf, readyLinuxVm, readyWindowsVm } from '../helpers/fixtures';

function tempOutdir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sms-migration-'));
}

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
    expect([...migration.waveStacks.keys()]).toEqual(['wave-1', 'wave-2']);
    expect([...migration.jobs.keys()]).toEqual(['a-01', 'a-02', 'b-01']);
    const wave1 = Template.fromStack(migration.waveStacks.get('wave-1')![0]);
    wave1.resourceCountIs('Custom::SmsReplicationJob', 2);
    wave1.hasResourceProperties('Custom::SmsReplicationJob', {
      VmPath: '/DC1/vm/a-01', DisplayName: 'a-01', RunOnce: 'false', FrequencyHours: '12', Description: 'a-01 (wave-1)',
    });
    expect(migration.waveStacks.get('wave-1')![0].stackName).toBe('Migration-wave-1');
    expect(migration.isDeployed('later-01')).toBe(false);
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
    const app = new App();
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
    const annotations = Annotations.fromStack(migration.waveStacks.get('wave-1')![0]);
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
    migration.acknowledgeIn(migration.waveStacks.get('wave-1')![0], 'SMS-JOB2', 'encrypted AMIs are required here');
    expect(() => app.synth()).not.toThrow();
  });

  test('refuses to acknowledge a hard rule\'s error, in code too', () => {
    const app = new App({ outdir: tempOutdir() });
    const migration = new Migration(app, 'Migration', { plan: plan([waveVm('old-01', 'wave-1', (vm) => { vm.os.version = '7.4'; })]) });
    migration.acknowledge('SMS-OS2', 'we believe it works');
    expect(() => app.synth()).toThrow(/SMS-OS2 RHEL 7\.4 is not supported .*SMS-OS2 is a hard rule/);
  });

  test('fails when an acknowledgement in code names no rule or gives no reason', () => {
    const migration = new Migration(new App(), 'Migration', { plan: plan([waveVm('a-01', 'wave-1')]) });
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
    expect(() => new Migration(new App(), 'Migration', {
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
      const m = new Migration(new App(), 'Migration', { plan: plan(vms(count), { acknowledge: [{ rule: 'SMS-JOB4', reason: 'raised' }] }), jobsPerStack: 100 });
      return new Map([...m.jobs].map(([name, job]) => [name, job.stack.stackName]));
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
    const app = new App();
    expect(() => new Migration(app, 'Migration', { plan: plan([waveVm('a-01', 'wave 1'), waveVm('b-01', 'wave-1')]) }))
      .toThrow(/waves "wave 1" and "wave-1" both make the stack name Migration-wave-1/);
  });

  test('fails when jobsPerStack leaves no room for the handler under the 500-resource limit', () => {
    expect(() => new Migration(new App(), 'Migration', { plan: plan([waveVm('a-01', 'wave-1')]), jobsPerStack: 480 }))
      .toThrow(/jobsPerStack must be a whole number from 1 to 450, got 480/);
  });
});

describe('Migration and the SMS job quota', () => {
  const vms = (prefix: string, count: number): object[] => Array.from({ length: count }, (_, i) => waveVm(`${prefix}-${i + 1}`, 'wave-1'));

  test('counts the jobs of earlier migrations in the same account and Region', () => {
    // GIVEN two migrations of 30 VMs each in one account and Region, and a third elsewhere
    const app = new App();
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
      .toMatch(/^b-21 is replication job 51 in its account and region/);
  });
});
