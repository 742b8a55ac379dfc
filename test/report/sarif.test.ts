import * as fs from 'fs';
import { generatePlan } from '../../bench/plan-generator';
import { assessPlan } from '../../lib/rules';
import { UnknownPolicy } from '../../lib/assessment/types';
import { parsePlan } from '../../lib/plan';
import { renderSarif } from '../../lib/report/sarif';
import { ReportSource } from '../../lib/report/source';
import { RULE_IDS, RULES } from '../../lib/rules';
import { planOf, readyLinuxVm, vmwareConnector } from '../helpers/fixtures';
import { EXAMPLE_PLAN, exampleSource, FIXED_NOW, HOSTILE_TEXT, hostileSource } from './report-fixtures';
import { isAbsoluteUri, isUriReference, sarifSchemaErrors } from './schemas';

/* eslint-disable @typescript-eslint/no-explicit-any -- a SARIF log is read as plain JSON */
type Json = any;

function sarif(sources: readonly ReportSource[], generatedAt = FIXED_NOW): Json {
  const text = renderSarif(sources, { generatedAt });
  expect(text.endsWith('}\n')).toBe(true);
  return JSON.parse(text);
}

/** An assessed plan, and the text of its file. */
function sourceOf(plan: object, file: string, unknown?: UnknownPolicy): ReportSource & { text: string } {
  const text = JSON.stringify(plan, null, 2);
  const loaded = parsePlan(text, file, { ruleIds: new Set(RULE_IDS) });
  return { file, text, assessment: assessPlan(loaded.plan, { now: FIXED_NOW, unknown }), locate: (at) => loaded.locate(at) };
}

function findingCount(source: ReportSource): number {
  const a = source.assessment;
  return [...a.vms, ...a.connectors].reduce((n, s) => n + s.findings.length, 0);
}

function resultsOf(log: Json, subject: string, rule?: string): Json[] {
  return log.runs[0].results.filter((r: Json) => r.locations[0].logicalLocations[0].name === subject && (rule === undefined || r.ruleId === rule));
}

describe('renderSarif', () => {
  test('the example plan is a valid SARIF 2.1.0 log', () => {
    // WHEN
    const log = sarif([exampleSource()]);

    // THEN
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].invocations).toEqual([{ executionSuccessful: true, endTimeUtc: '2026-11-20T09:30:00.000Z' }]);
    expect(log.runs[0].tool.driver).toMatchObject({ name: 'cdk-sms', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  test('the hostile plan is a valid log, and its file name a valid URI reference that decodes back', () => {
    // GIVEN
    const source = hostileSource();

    // WHEN
    const log = sarif([source]);

    // THEN
    expect(sarifSchemaErrors(log)).toEqual([]);
    const location = log.runs[0].artifacts[0].location;
    expect(location.uriBaseId).toBe('%SRCROOT%');
    expect(isUriReference(location.uri)).toBe(true);
    expect(decodeURIComponent(location.uri)).toBe(source.file);
    // AND the names are kept as written in messages and logical locations
    const vmName = `vm-${HOSTILE_TEXT}`;
    const [ack] = resultsOf(log, vmName, 'SMS-NET1');
    expect(ack.locations[0].logicalLocations[0].fullyQualifiedName).toBe(`vms/${vmName}`);
    expect(ack.message.text.startsWith(`${vmName}: `)).toBe(true);
    expect(ack.suppressions[0].justification).toBe(`reason ${HOSTILE_TEXT}`);
    expect(ack.properties.wave).toBe(`wave-${HOSTILE_TEXT}`);
  });

  test('an absolute plan path is a file URI, with no base', () => {
    // GIVEN
    const source = { ...sourceOf(planOf([readyLinuxVm('a')]), '/srv/plans/wave 1#a.json'), file: '/srv/plans/wave 1#a.json' };

    // WHEN
    const log = sarif([source]);

    // THEN
    expect(log.runs[0].artifacts[0].location).toEqual({ uri: 'file:///srv/plans/wave%201%23a.json' });
    expect(isAbsoluteUri(log.runs[0].artifacts[0].location.uri)).toBe(true);
    expect(sarifSchemaErrors(log)).toEqual([]);
  });

  test('a relative path is normalised, with forward slashes, and a colon cannot read as a scheme', () => {
    // GIVEN
    const source = sourceOf(planOf([readyLinuxVm('a')]), './plans/c:100%.json');

    // WHEN
    const log = sarif([source]);

    // THEN
    expect(log.runs[0].artifacts[0].location).toEqual({ uri: 'plans/c%3A100%25.json', uriBaseId: '%SRCROOT%' });
  });

  test('every rule of the catalogue is in driver.rules once, and ruleIndex points at the result\'s rule', () => {
    // GIVEN
    const log = sarif([exampleSource(), hostileSource()]);
    const rules: Json[] = log.runs[0].tool.driver.rules;

    // THEN
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(new Set(rules.map((r) => r.id)).size).toBe(RULES.length);
    expect(new Set(rules.map((r) => r.name)).size).toBe(RULES.length);
    for (const result of log.runs[0].results) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
    }
    // AND a rule says what it requires, why, what to do, and how much it matters
    const os1 = rules.find((r) => r.id === 'SMS-OS1');
    const rule = RULES.find((r) => r.id === 'SMS-OS1')!;
    expect(os1).toMatchObject({
      name: 'TheOperatingSystemIsOneSMSSupports',
      shortDescription: { text: rule.title }, fullDescription: { text: rule.explanation },
      help: { text: rule.remediation }, defaultConfiguration: { level: 'error' },
      properties: { section: rule.section, hard: true, tags: ['vm', rule.section, 'hard'] },
    });
    expect(rules.find((r) => r.id === 'SMS-HV6').defaultConfiguration.level).toBe('note');
    expect(rules.find((r) => r.id === 'SMS-NET1').defaultConfiguration.level).toBe('warning');
    // AND Markdown help escapes what Markdown would read as formatting
    expect(rules.find((r) => r.id === 'SMS-PREP11').help.markdown).toContain('/dev/disk/by-\\*');
  });

  test('gives one result per finding of every VM and connector', () => {
    // GIVEN a plan with a connector finding too
    const connector = { ...vmwareConnector(), memoryGiB: 4 };
    const small = sourceOf(planOf([readyLinuxVm('solo')], { connectors: [connector] }), 'small.json');
    const example = exampleSource();

    // WHEN
    const log = sarif([example, small]);

    // THEN
    expect(log.runs[0].results).toHaveLength(findingCount(example) + findingCount(small));
    const [memory] = resultsOf(log, 'dc1-connector', 'SMS-CON3').filter((r: Json) => r.locations[0].physicalLocation.artifactLocation.index === 1);
    expect(memory).toMatchObject({ level: 'error', kind: 'fail', properties: { verdict: 'not-ready', acknowledged: false, outcome: 'fail' } });
    expect(memory.properties.wave).toBeUndefined();
    expect(memory.locations[0].logicalLocations[0]).toEqual({ name: 'dc1-connector', kind: 'object', fullyQualifiedName: 'connectors/dc1-connector' });
  });

  test('the i-th VM of an assessment is the i-th entry of the plan\'s vms', () => {
    // GIVEN
    const plan = JSON.parse(fs.readFileSync(EXAMPLE_PLAN, 'utf8'));

    // THEN
    expect(exampleSource().assessment.vms.map((v) => v.name)).toEqual(plan.vms.map((v: Json) => v.name));
  });

  test('a result points at the opening brace of its VM\'s or connector\'s entry in the plan', () => {
    // GIVEN the example plan, and a plan whose connector fails
    const connector = { ...vmwareConnector(), memoryGiB: 4 };
    const small = sourceOf(planOf([readyLinuxVm('solo')], { connectors: [connector] }), 'small.json');
    const texts = [fs.readFileSync(EXAMPLE_PLAN, 'utf8'), small.text].map((text) => text.split('\n'));
    const log = sarif([exampleSource(), small]);
    expect(resultsOf(log, 'dc1-connector', 'SMS-CON3')).toHaveLength(1);

    // THEN the brace at the region opens the entry, whose first name is the subject's
    for (const result of log.runs[0].results) {
      const lines = texts[result.locations[0].physicalLocation.artifactLocation.index];
      const { startLine, startColumn } = result.locations[0].physicalLocation.region;
      expect(lines[startLine - 1][startColumn - 1]).toBe('{');
      const after = [lines[startLine - 1].slice(startColumn), ...lines.slice(startLine)].join('\n');
      expect(/"name": ("(?:[^"\\]|\\.)*")/.exec(after)?.[1]).toBe(JSON.stringify(result.locations[0].logicalLocations[0].name));
    }
  });

  test('levels follow severity, and an unknown is a failure at its severity, never level none', () => {
    // GIVEN the example plan assessed with unknowns as warnings, then as errors
    const warn = sarif([exampleSource()]);
    const error = sarif([exampleSource({ unknown: UnknownPolicy.ERROR })]);

    // THEN
    expect(resultsOf(warn, 'legacy-01', 'SMS-OS2')[0]).toMatchObject({ kind: 'fail', level: 'error' });
    expect(resultsOf(warn, 'mon-01', 'SMS-NET2')[0]).toMatchObject({ kind: 'fail', level: 'warning' });
    expect(resultsOf(warn, 'web-01', 'SMS-HV6')[0]).toMatchObject({ kind: 'fail', level: 'note' });
    expect(resultsOf(warn, 'batch-01', 'SMS-PREP1')[0]).toMatchObject({ kind: 'fail', level: 'warning', properties: { outcome: 'unknown' } });
    expect(resultsOf(error, 'batch-01', 'SMS-PREP1')[0]).toMatchObject({ kind: 'fail', level: 'error', properties: { outcome: 'unknown' } });
    expect(warn.runs[0].results.every((r: Json) => ['error', 'warning', 'note'].includes(r.level))).toBe(true);
  });

  test('an acknowledged finding keeps its level and carries a suppression with the reason', () => {
    // GIVEN vault-01's acknowledged error and db-01's acknowledged warning
    const log = sarif([exampleSource()]);

    // THEN
    expect(resultsOf(log, 'vault-01', 'SMS-JOB2')[0]).toMatchObject({
      level: 'error',
      suppressions: [{ kind: 'inSource', status: 'accepted',
        justification: 'security policy requires encrypted AMIs; the team re-encrypts after the first test launch' }],
      properties: { acknowledged: true },
    });
    expect(resultsOf(log, 'db-01', 'SMS-NET1')[0]).toMatchObject({ level: 'warning', suppressions: [{ kind: 'inSource', status: 'accepted' }] });
    // AND only acknowledged findings are suppressed
    for (const result of log.runs[0].results) {
      expect(result.suppressions !== undefined).toBe(result.properties.acknowledged);
    }
  });

  test('a refused acknowledgement suppresses nothing and the message says why', () => {
    // GIVEN a hard rule's error acknowledged anyway
    const vm = readyLinuxVm('old-rhel');
    vm.os.version = '7.4';
    vm.acknowledge = [{ rule: 'SMS-OS2', reason: 'we will upgrade later' }];

    // WHEN
    const [result] = resultsOf(sarif([sourceOf(planOf([vm]), 'refused.json')]), 'old-rhel', 'SMS-OS2');

    // THEN
    expect(result.suppressions).toBeUndefined();
    expect(result.level).toBe('error');
    expect(result.message.text).toMatch(/^old-rhel: RHEL 7\.4 is not supported .*\(acknowledgement refused: SMS-OS2 is a hard rule.*/);
    expect(result.message.text).toMatch(/; reason given: we will upgrade later\)$/);
  });

  test('fingerprints are stable between renders and differ between findings', () => {
    // GIVEN two renders at different times
    const fingerprints = (log: Json): string[] => log.runs[0].results.map((r: Json) => r.partialFingerprints['cdkSmsFinding/v1']);
    const first = fingerprints(sarif([exampleSource()], FIXED_NOW));
    const second = fingerprints(sarif([exampleSource()], new Date('2027-01-01T00:00:00Z')));

    // THEN
    expect(second).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first.every((f) => /^[0-9a-f]{32}$/.test(f))).toBe(true);
    // AND the same rule on two VMs differs
    const log = sarif([exampleSource()]);
    expect(resultsOf(log, 'web-01', 'SMS-HV6')[0].partialFingerprints).not.toEqual(resultsOf(log, 'web-02', 'SMS-HV6')[0].partialFingerprints);
  });

  test('several plans give several artifacts, and each result names its own', () => {
    // GIVEN
    const example = exampleSource();
    const small = sourceOf(planOf([readyLinuxVm('solo')]), 'plans\\small.json');

    // WHEN
    const log = sarif([example, small]);

    // THEN
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0].artifacts.map((a: Json) => a.location)).toEqual([
      { uri: 'examples/plan.json', uriBaseId: '%SRCROOT%' },
      // A backslash is a file-name character on POSIX, where the tests run.
      { uri: 'plans%5Csmall.json', uriBaseId: '%SRCROOT%' },
    ]);
    const byIndex = (index: number): Json[] =>
      log.runs[0].results.filter((r: Json) => r.locations[0].physicalLocation.artifactLocation.index === index);
    expect(byIndex(0)).toHaveLength(findingCount(example));
    expect(byIndex(1)).toHaveLength(findingCount(small));
    expect(byIndex(1).every((r: Json) => r.locations[0].physicalLocation.artifactLocation.uri === 'plans%5Csmall.json')).toBe(true);
  });

  test('a source that cannot locate still gives a valid log, without regions', () => {
    // GIVEN
    const { file, assessment } = exampleSource();

    // WHEN
    const log = sarif([{ file, assessment }]);

    // THEN
    expect(sarifSchemaErrors(log)).toEqual([]);
    expect(log.runs[0].results.every((r: Json) => r.locations[0].physicalLocation.region === undefined)).toBe(true);
  });

  test('a 10,000-VM plan renders and is valid (its speed is measured by npm run bench)', () => {
    // GIVEN about 60,000 findings
    const source = sourceOf(generatePlan(10_000), 'big.json');

    // WHEN
    const text = renderSarif([source], { generatedAt: FIXED_NOW });

    // THEN
    const log = JSON.parse(text);
    expect(log.runs[0].results).toHaveLength(findingCount(source));
    expect(findingCount(source)).toBeGreaterThan(50_000);
    expect(sarifSchemaErrors(log)).toEqual([]);
  }, 60_000);
});
