import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { fail, pass, Severity } from '../../lib/assessment/rule';
import { Migration } from '../../lib/migration/migration';
import { MigrationPlan } from '../../lib/migration/migration-plan';
import { OrganizationRulePack } from '../../lib/organization/organization-rule-pack';
import { Plan, Vm } from '../../lib/plan/model/plan';
import { renderJunit } from '../../lib/report/junit';
import { renderSarif } from '../../lib/report/sarif';
import { planOf, readyLinuxVm } from '../helpers/fixtures';
import { useTempOutdirs } from '../helpers/temp-outdirs';

const tempOutdir = useTempOutdirs('cdk-sms-migration-');

/** A pack whose ORG-TAG1 (error) fails VMs named `untagged-*`, and whose ORG-NAME1 (warning) fails names over 8 characters. */
function acmePack(): OrganizationRulePack {
  const pack = new OrganizationRulePack({ name: 'Acme' });
  pack.addVmRule({
    id: 'ORG-TAG1', section: 'Acme policy', severity: Severity.ERROR, title: 'The VM carries a cost centre',
    explanation: 'Acme charges every instance to a cost centre.', remediation: 'Tag the VM with its cost centre.',
    check: (vm: Vm) => (vm.name.startsWith('untagged') ? fail(`VM ${vm.name} has no cost centre`) : pass()),
  });
  pack.addVmRule({
    id: 'ORG-NAME1', section: 'Acme policy', severity: Severity.WARNING, title: 'The VM name has at most 8 characters',
    explanation: 'Acme\'s CMDB truncates longer names.', remediation: 'Rename the VM.',
    check: (vm: Vm) => (vm.name.length > 8 ? fail(`VM name ${vm.name} has ${vm.name.length} characters`) : pass()),
  });
  pack.addDefaults({ replication: { frequencyHours: 6 } });
  return pack;
}

function waveVm(name: string): object {
  return { ...readyLinuxVm(name), wave: 'wave-1', source: { vmPath: `/DC1/vm/${name}`, vmId: `vm-${name}` } };
}

const plan = (vms: object[], extra: object = {}): MigrationPlan => MigrationPlan.fromPlan(planOf(vms, extra) as Plan);

describe('Migration with rulePacks', () => {
  test('an organisation rule\'s error fails synthesis like the library\'s', () => {
    // GIVEN a migration with the Acme pack and a VM its error rule fails
    const app = new App({ outdir: tempOutdir() });
    new Migration(app, 'Migration', { plan: plan([waveVm('untagged-01')]), rulePacks: [acmePack()] });
    // WHEN the app is synthesized
    // THEN synthesis fails with the rule, the fact and the fix
    expect(() => app.synth()).toThrow(/VM untagged-01: ORG-TAG1 VM untagged-01 has no cost centre\. Fix: Tag the VM with its cost centre\./);
  });

  test('its warning annotates the job, its acknowledgement in the plan counts, and the report lists the pack', () => {
    // GIVEN a VM with a long name (a warning) and another acknowledged in the plan for the error rule
    const outdir = tempOutdir();
    const app = new App({ outdir });
    const migration = new Migration(app, 'Migration', {
      plan: plan([waveVm('longname-01'), { ...waveVm('untagged'), acknowledge: [{ rule: 'ORG-TAG1', reason: 'tagged at cutover' }] }]),
      rulePacks: [acmePack()],
    });
    // WHEN the app is synthesized
    app.synth();
    // THEN the warning is an annotation with the rule id
    Annotations.fromStack(migration.waveStacksOf('wave-1')[0]).hasWarning('*', Match.stringLikeRegexp('ORG-NAME1 VM name longname-01 has 11 characters'));
    // AND the JSON report in the cloud assembly lists the pack, its rules, and the acknowledged finding
    const report = JSON.parse(fs.readFileSync(path.join(outdir, 'Migration.sms-assessment.json'), 'utf8'));
    expect(report.organizationPacks).toEqual(['Acme']);
    expect(report.organizationRules.map((r: { id: string }) => r.id)).toEqual(['ORG-TAG1', 'ORG-NAME1']);
    expect(report.vms[1].findings.find((f: { rule: string }) => f.rule === 'ORG-TAG1')).toMatchObject({ acknowledged: true, reason: 'tagged at cutover' });
    // AND the pack's defaults lie beneath the plan's in what is deployed
    expect(migration.plan.defaults?.replication?.frequencyHours).toBe(6);
    Template.fromStack(migration.waveStacksOf('wave-1')[0]).hasResourceProperties('Custom::SmsReplicationJob', { FrequencyHours: '6' });
  });

  test('acknowledge() in code may name an organisation rule; an unknown one is refused', () => {
    const app = new App({ outdir: tempOutdir() });
    const migration = new Migration(app, 'Migration', { plan: plan([waveVm('untagged-01')]), rulePacks: [acmePack()] });
    migration.acknowledge('ORG-TAG1', 'tagged at cutover');
    expect(() => app.synth()).not.toThrow();
    expect(() => migration.acknowledge('ORG-TAG9', 'why')).toThrow(/ORG-TAG9 is not a rule id/);
  });

  test('fails at construction when the plan acknowledges an organisation rule no pack declares', () => {
    const app = new App({ outdir: tempOutdir() });
    const acknowledged = plan([waveVm('a-01')], { acknowledge: [{ rule: 'ORG-TAG2', reason: 'why' }] });
    expect(() => new Migration(app, 'Migration', { plan: acknowledged, rulePacks: [acmePack()] }))
      .toThrow(/plan in code: acknowledge\[0\]\.rule: "ORG-TAG2" is not a rule id \(did you mean "ORG-TAG1"\?\)/);
    expect(() => new Migration(new App({ outdir: tempOutdir() }), 'Migration', { plan: acknowledged }))
      .toThrow(/"ORG-TAG2" is not a rule id \(no organisation rule pack is loaded\)/);
  });

  test('fails at construction when packs collide, or a pack is not one', () => {
    const app = new App({ outdir: tempOutdir() });
    expect(() => new Migration(app, 'A', { plan: plan([waveVm('a-01')]), rulePacks: [acmePack(), acmePack()] }))
      .toThrow(/rule pack Acme: rule id ORG-TAG1 is also a rule of rule pack Acme/);
    expect(() => new Migration(app, 'B', { plan: plan([waveVm('a-01')]), rulePacks: [{ name: 'Acme' } as never] }))
      .toThrow(/rulePacks\[0\]: rule pack Acme: targets must be a list/);
  });
});

describe('reports of an assessment with rulePacks', () => {
  function assessed() {
    const app = new App({ outdir: tempOutdir() });
    const pack = acmePack();
    pack.raiseSeverity('SMS-NET1', Severity.ERROR);
    pack.makeUnacknowledgeable('SMS-PREP1');
    const migration = new Migration(app, 'Migration', { plan: plan([waveVm('untagged-01')]), rulePacks: [pack] });
    return [{ file: 'plan.json', assessment: migration.assess() }];
  }

  test('SARIF lists the organisation rules in the driver\'s catalogue, and the changed ones as they judged', () => {
    // WHEN the assessment is rendered as SARIF
    const log = JSON.parse(renderSarif(assessed(), { generatedAt: new Date(0) }));
    type Descriptor = {
      id: string; defaultConfiguration: { level: string }; properties: { hard: boolean; hardBy?: string }; help: { markdown: string };
    };
    const rules = log.runs[0].tool.driver.rules as Descriptor[];
    // THEN ORG-TAG1 is in the catalogue, and the result points at it
    const index = rules.findIndex((r) => r.id === 'ORG-TAG1');
    expect(index).toBeGreaterThan(0);
    expect(rules[index].defaultConfiguration.level).toBe('error');
    expect(log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'ORG-TAG1')).toMatchObject({ ruleIndex: index, level: 'error' });
    // AND SMS-NET1 is raised, and SMS-PREP1 is hard by the pack's policy
    expect(rules.find((r) => r.id === 'SMS-NET1')?.defaultConfiguration.level).toBe('error');
    expect(rules.find((r) => r.id === 'SMS-PREP1')?.properties).toMatchObject({ hard: true, hardBy: 'Acme' });
    expect(rules.find((r) => r.id === 'SMS-PREP1')?.help.markdown).toContain('This is a hard rule: the Acme rule pack makes it unacknowledgeable');
    expect(log.runs[0].properties.plans[0].organizationPacks).toEqual(['Acme']);
  });

  test('JUnit fails the VM\'s test case with the organisation rule\'s title and remediation', () => {
    const xml = renderJunit(assessed(), { generatedAt: new Date(0) });
    expect(xml).toContain('<failure message="ORG-TAG1: VM untagged-01 has no cost centre" type="ORG-TAG1">'
      + 'ORG-TAG1 (error): The VM carries a cost centre\n  VM untagged-01 has no cost centre\n  remediation: Tag the VM with its cost centre.</failure>');
    expect(xml).toContain('<property name="organizationPacks" value="Acme"/>');
  });
});
