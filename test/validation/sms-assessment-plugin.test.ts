import * as fs from 'fs';
import * as path from 'path';
import { App, Stage, Validations } from 'aws-cdk-lib';
import { Migration } from '../../lib/migration/migration';
import { MigrationPlan } from '../../lib/migration/migration-plan';
import { Plan } from '../../lib/plan/model/plan';
import { SmsAssessmentPlugin } from '../../lib/validation/sms-assessment-plugin';
import { planOf, readyLinuxVm } from '../helpers/fixtures';
import { useTempOutdirs } from '../helpers/temp-outdirs';

/** The parts of CDK's validation report these tests read. */
interface ValidationReport {
  readonly pluginReports: Array<{
    readonly pluginName: string;
    readonly conclusion: string;
    readonly violations: Violation[];
    readonly suppressedViolations?: Array<Violation & { readonly reason: string; readonly acknowledgedAt: string }>;
  }>;
}

interface Violation {
  readonly ruleName: string;
  readonly description: string;
  readonly suggestedFix?: string;
  readonly severity?: string;
  readonly violatingConstructs: Array<{ readonly constructPath: string; readonly cloudFormationResource?: { readonly logicalId: string } }>;
}

const tempOutdir = useTempOutdirs('cdk-sms-plugin-');

type TestVm = ReturnType<typeof readyLinuxVm>;

function waveVm(name: string, change: (vm: TestVm) => void = () => undefined): TestVm {
  const vm = readyLinuxVm(name);
  vm.wave = 'wave-1';
  vm.source = { vmPath: `/DC1/vm/${name}`, vmId: `vm-${name}` };
  change(vm);
  return vm;
}

const twoNics = (vm: TestVm): void => {
  vm.nics.push({ ipv4: ['192.168.9.9'], ipv6: [], addressing: 'dhcp' });
};

const unsupportedRhel = (vm: TestVm): void => {
  vm.os.version = '7.4';
};

const plan = (vms: object[]): MigrationPlan => MigrationPlan.fromPlan(planOf(vms) as Plan, 'plan.json');

/** An app with the plugin registered, as a CDK user registers any validation plugin. */
function appWithPlugin(outdir: string): App {
  const app = new App({ outdir });
  Validations.of(app).addPlugins(new SmsAssessmentPlugin());
  return app;
}

function readReport(outdir: string): ValidationReport['pluginReports'][number] {
  const report = JSON.parse(fs.readFileSync(path.join(outdir, 'validation-report.json'), 'utf8')) as ValidationReport;
  const ours = report.pluginReports.filter((r) => r.pluginName === 'cdk-sms-migration');
  expect(ours).toHaveLength(1);
  return ours[0];
}

/** Synthesizes an app whose validation may fail, keeping CDK's printed report out of the test log. */
function synthQuietly(app: App): Error | undefined {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    app.synth();
    return undefined;
  } catch (e) {
    return e as Error;
  } finally {
    spy.mockRestore();
  }
}

describe('SmsAssessmentPlugin', () => {
  test('reports errors and warnings in CDK\'s validation report, on the job\'s resource, and fails synthesis after it', () => {
    // GIVEN a plan with an unsupported RHEL release and a VM with two NICs
    const outdir = tempOutdir();
    const app = appWithPlugin(outdir);
    new Migration(app, 'Migration', { plan: plan([waveVm('old-01', unsupportedRhel), waveVm('nic-01', twoNics), waveVm('ok-01')]) });
    // WHEN
    const error = synthQuietly(app);
    // THEN synthesis fails through CDK's validation, not the construct's own, and the report says why
    expect(error?.message).toMatch(/ERROR VM old-01: RHEL 7\.4 is not supported .*\(cdk-sms-migration\)/);
    expect(error?.message).toMatch(/WARNING VM nic-01: 2 network interfaces/);
    const report = readReport(outdir);
    expect(report.conclusion).toBe('failure');
    const os2 = report.violations.find((v) => v.ruleName === 'SMS-OS2');
    expect(os2).toMatchObject({
      description: expect.stringMatching(/^VM old-01: RHEL 7\.4 is not supported/),
      severity: 'error',
      suggestedFix: expect.stringMatching(/\S/),
    });
    expect(os2!.violatingConstructs.map((c) => c.constructPath)).toEqual(['Migration/wave-1/old-01/Resource/Default']);
    const net1 = report.violations.find((v) => v.ruleName === 'SMS-NET1');
    expect(net1).toMatchObject({ severity: 'warning', description: expect.stringMatching(/^VM nic-01: 2 network interfaces/) });
    expect(report.violations.some((v) => v.description.startsWith('VM ok-01'))).toBe(false);
  });

  test('passes when every finding is a warning, and shows the warnings in the report instead of as annotations', () => {
    // GIVEN
    const outdir = tempOutdir();
    const app = appWithPlugin(outdir);
    const migration = new Migration(app, 'Migration', { plan: plan([waveVm('nic-01', twoNics)]) });
    // WHEN
    expect(synthQuietly(app)).toBeUndefined();
    // THEN
    const report = readReport(outdir);
    expect(report.conclusion).toBe('success');
    expect(report.violations.map((v) => v.ruleName)).toEqual(['SMS-NET1']);
    const stack = migration.waveStacksOf('wave-1')[0];
    expect(stack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => m.type === 'aws:cdk:warning')).toEqual([]);
  });

  test('lists a finding the plan acknowledges as acknowledged in CDK\'s report, with its reason', () => {
    // GIVEN the plan acknowledges the second NIC
    const outdir = tempOutdir();
    const app = appWithPlugin(outdir);
    const vm = waveVm('nic-01', twoNics) as TestVm & { acknowledge?: object[] };
    vm.acknowledge = [{ rule: 'SMS-NET1', reason: 'backup NIC, dropped on purpose' }];
    new Migration(app, 'Migration', { plan: plan([vm]) });
    // WHEN
    expect(synthQuietly(app)).toBeUndefined();
    // THEN
    const report = readReport(outdir);
    expect(report.violations).toEqual([]);
    expect(report.suppressedViolations).toEqual([expect.objectContaining({
      ruleName: 'SMS-NET1', reason: 'backup NIC, dropped on purpose', acknowledgedAt: 'Migration/wave-1/nic-01',
    })]);
  });

  test('takes an acknowledgement recorded with Validations.acknowledge() into the plan\'s assessment and report files', () => {
    // GIVEN a CDK acknowledgement on the wave stack
    const outdir = tempOutdir();
    const app = appWithPlugin(outdir);
    const migration = new Migration(app, 'Migration', { plan: plan([waveVm('nic-01', twoNics), waveVm('nic-02', twoNics)]) });
    Validations.of(migration.jobOf('nic-01')!).acknowledge({ id: 'cdk-sms-migration::SMS-NET1', reason: 'the second NIC is for backups' });
    // WHEN
    expect(synthQuietly(app)).toBeUndefined();
    // THEN the assessment and the JSON report file say so, for nic-01 only
    const finding = (vm: string): object | undefined => migration.assess().vms.find((v) => v.name === vm)!.findings.find((f) => f.rule === 'SMS-NET1');
    expect(finding('nic-01')).toMatchObject({ acknowledged: true, reason: 'the second NIC is for backups' });
    expect(finding('nic-02')).toMatchObject({ acknowledged: false });
    const json = JSON.parse(fs.readFileSync(path.join(outdir, 'Migration.sms-assessment.json'), 'utf8'));
    expect(json.vms[0].findings.find((f: { rule: string }) => f.rule === 'SMS-NET1')).toMatchObject({ acknowledged: true, reason: 'the second NIC is for backups' });
    // AND CDK's report lists nic-01's as acknowledged and nic-02's as a violation
    const report = readReport(outdir);
    expect(report.violations.map((v) => v.description.split(':')[0])).toEqual(['VM nic-02']);
    expect(report.suppressedViolations?.map((v) => v.description.split(':')[0])).toEqual(['VM nic-01']);
  });

  test('an acknowledgement on the app covers every VM, as a plan-wide one does', () => {
    const outdir = tempOutdir();
    const app = appWithPlugin(outdir);
    const migration = new Migration(app, 'Migration', { plan: plan([waveVm('nic-01', twoNics), waveVm('nic-02', twoNics)]) });
    Validations.of(app).acknowledge({ id: 'cdk-sms-migration::SMS-NET1', reason: 'backup NICs everywhere' });
    expect(synthQuietly(app)).toBeUndefined();
    expect(migration.assess().vms.every((vm) => vm.findings.find((f) => f.rule === 'SMS-NET1')?.acknowledged)).toBe(true);
  });

  test('refuses a CDK acknowledgement of a hard rule\'s error, which still fails synthesis', () => {
    // GIVEN an unsupported RHEL release acknowledged with CDK's API
    const outdir = tempOutdir();
    const app = appWithPlugin(outdir);
    const migration = new Migration(app, 'Migration', { plan: plan([waveVm('old-01', unsupportedRhel)]) });
    Validations.of(migration).acknowledge({ id: 'cdk-sms-migration::SMS-OS2', reason: 'we believe it works' });
    // WHEN / THEN the construct's own validation fails: CDK's report would list it as acknowledged
    expect(synthQuietly(app)?.message).toMatch(/VM old-01: SMS-OS2 RHEL 7\.4 is not supported .*hard rule/);
    expect(migration.assess().vms[0].findings.find((f) => f.rule === 'SMS-OS2')).toMatchObject({ acknowledged: false });
  });

  test('fails when a CDK acknowledgement names a rule that does not exist', () => {
    const app = appWithPlugin(tempOutdir());
    const migration = new Migration(app, 'Migration', { plan: plan([waveVm('ok-01')]) });
    Validations.of(migration).acknowledge({ id: 'cdk-sms-migration::SMS-NOPE', reason: 'typo' });
    expect(synthQuietly(app)?.message).toMatch(/names SMS-NOPE, which is not a rule id/);
  });

  test('works when registered the older way, and for a migration inside a Stage', () => {
    // GIVEN the plugin given to the App's policyValidationBeta1, and the migration in a Stage
    const outdir = tempOutdir();
    const spy = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    let app: App;
    try {
      app = new App({ outdir, policyValidationBeta1: [new SmsAssessmentPlugin()] });
    } finally {
      spy.mockRestore();
      warn.mockRestore();
    }
    const stage = new Stage(app, 'Prod');
    new Migration(stage, 'Migration', { plan: plan([waveVm('old-01', unsupportedRhel)]) });
    // WHEN
    const error = synthQuietly(app);
    // THEN
    expect(error?.message).toMatch(/ERROR VM old-01: RHEL 7\.4 is not supported/);
    const report = readReport(outdir);
    expect(report.violations.map((v) => v.ruleName)).toContain('SMS-OS2');
    expect(report.violations.find((v) => v.ruleName === 'SMS-OS2')!.violatingConstructs[0].constructPath)
      .toBe('Prod/Migration/wave-1/old-01/Resource/Default');
  });

  test('without the plugin, the migration fails its own validation as before', () => {
    const app = new App({ outdir: tempOutdir() });
    new Migration(app, 'Migration', { plan: plan([waveVm('old-01', unsupportedRhel)]) });
    expect(() => app.synth()).toThrow(/VM old-01: SMS-OS2 RHEL 7\.4 is not supported/);
  });

  test('names the catalogue\'s rules and this library\'s version', () => {
    const plugin = new SmsAssessmentPlugin();
    expect(plugin.name).toBe('cdk-sms-migration');
    expect(plugin.ruleIds).toContain('SMS-OS1');
    expect(plugin.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});
