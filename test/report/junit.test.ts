import * as fs from 'fs';
import { SaxesParser } from 'saxes';
import { generatePlan } from '../../bench/plan-generator';
import { assessPlan } from '../../lib/rules';
import { Verdict } from '../../lib/assessment/types';
import { failsPolicy } from '../../lib/assessment/verdict';
import { parsePlan } from '../../lib/plan';
import { renderJunit } from '../../lib/report/junit';
import { ReportSource } from '../../lib/report/source';
import { findRule, RULE_IDS } from '../../lib/rules';
import { planOf, readyLinuxVm, vmwareConnector } from '../helpers/fixtures';
import { EXAMPLE_PLAN, exampleSource, FIXED_NOW, HOSTILE_TEXT, hostileSource } from './report-fixtures';
import { junitSchemaErrors, JunitSchema } from './schemas';

/** An element of a parsed report: what the test needs of a DOM. */
interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
}

/** Parses XML with saxes, a conformant parser: it throws on anything that is not well-formed XML 1.0. */
function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlElement[] = [root];
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, children: [], text: '' };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => {
    stack[stack.length - 1].text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  return root.children[0];
}

function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

function testcase(suite: XmlElement, name: string): XmlElement {
  const found = childrenNamed(suite, 'testcase').filter((c) => c.attributes.name === name);
  expect(found).toHaveLength(1);
  return found[0];
}

function sourceOf(plan: object, file: string, options: { strict?: boolean } = {}): ReportSource {
  const loaded = parsePlan(JSON.stringify(plan, null, 2), file, { ruleIds: new Set(RULE_IDS) });
  return { file, assessment: assessPlan(loaded.plan, { now: FIXED_NOW, strict: options.strict }), locate: (at) => loaded.locate(at) };
}

/** The characters XML 1.0 forbids; none may appear raw in a report. */
const FORBIDDEN_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

describe('renderJunit', () => {
  test('the example plan is valid against the Jenkins JUnit schema', async () => {
    // GIVEN the shipped example plan, every verdict in it
    const xml = renderJunit([exampleSource()], { generatedAt: FIXED_NOW });

    // THEN
    expect(await junitSchemaErrors(xml, JunitSchema.JENKINS)).toEqual([]);
  });

  test('the Ant JUnit schema is met except where it disagrees with the Jenkins one', async () => {
    // GIVEN
    const xml = renderJunit([exampleSource()], { generatedAt: FIXED_NOW });

    // WHEN the Ant schema judges the report as written, and without what only Jenkins allows
    const asWritten = await junitSchemaErrors(xml, JunitSchema.ANT);
    const withoutJenkinsOnly = xml
      .replace(/<testsuites [^>]*>/, '<testsuites>')
      .replace(/ skipped="\d+"/g, '')
      .replace(/\n *<system-out>[^<]*<\/system-out>(?=\n *<\/testcase>)/g, '');

    // THEN the only complaints are the attributes of testsuites, skipped and a test case's system-out
    expect(asWritten.length).toBeGreaterThan(0);
    for (const error of asWritten) {
      expect(error).toMatch(/Element 'testsuites', attribute|attribute 'skipped'|Element 'system-out': This element is not expected/);
    }
    // AND everything else (timestamp, hostname, id, package, properties, one failure per case) is valid
    expect(await junitSchemaErrors(withoutJenkinsOnly, JunitSchema.ANT)).toEqual([]);
  });

  test('counts a test per VM and connector and a failure per subject that fails the policy', () => {
    // GIVEN
    const source = exampleSource();
    const assessment = source.assessment;

    // WHEN
    const root = parseXml(renderJunit([source], { generatedAt: FIXED_NOW }));

    // THEN
    const [suite] = childrenNamed(root, 'testsuite');
    const subjects = [...assessment.vms, ...assessment.connectors];
    const failing = subjects.filter((s) => failsPolicy(s.findings, assessment.policy)).map((s) => s.name);
    expect(failing.length).toBe(assessment.summary.notReady);
    expect(suite.attributes).toMatchObject({
      name: 'examples/plan.json', package: 'examples/plan.json', id: '0',
      tests: String(subjects.length), failures: String(failing.length), errors: '0', skipped: '0',
      timestamp: '2026-11-20T09:30:00', hostname: 'localhost',
    });
    expect(root.attributes).toMatchObject({ name: 'cdk-sms assess', tests: String(subjects.length), failures: String(failing.length) });
    const cases = childrenNamed(suite, 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual(subjects.map((s) => s.name));
    expect(cases.filter((c) => childrenNamed(c, 'failure').length > 0).map((c) => c.attributes.name)).toEqual(failing);
    // AND every test case has at most one failure (the Ant schema allows no more)
    expect(cases.every((c) => childrenNamed(c, 'failure').length <= 1)).toBe(true);
  });

  test('names a VM\'s test case by its wave, and connectors by "connectors"', () => {
    // GIVEN
    const suite = childrenNamed(parseXml(renderJunit([exampleSource()], { generatedAt: FIXED_NOW })), 'testsuite')[0];

    // THEN
    expect(testcase(suite, 'web-01').attributes.classname).toBe('wave.wave-1');
    expect(testcase(suite, 'hv-web-01').attributes.classname).toBe('wave.wave-2');
    expect(testcase(suite, 'legacy-01').attributes.classname).toBe('wave.(unscheduled)');
    expect(testcase(suite, 'dc1-connector').attributes.classname).toBe('connectors');
  });

  test('a not-ready VM\'s failure names each failing rule with its title, message and remediation', () => {
    // GIVEN hv-web-02 fails SMS-BOOT2 and SMS-HV1, legacy-01 only SMS-OS2
    const source = exampleSource();
    const suite = childrenNamed(parseXml(renderJunit([source], { generatedAt: FIXED_NOW })), 'testsuite')[0];

    // THEN one failure counts both errors and lists them
    const [twice] = childrenNamed(testcase(suite, 'hv-web-02'), 'failure');
    expect(twice.attributes.message).toBe('2 errors: SMS-BOOT2, SMS-HV1');
    expect(twice.attributes.type).toBe('SMS-BOOT2 SMS-HV1');
    const hvWeb02 = source.assessment.vms.find((v) => v.name === 'hv-web-02')!;
    for (const id of ['SMS-BOOT2', 'SMS-HV1']) {
      const rule = findRule(id)!;
      expect(twice.text).toContain(`${id} (error): ${rule.title}`);
      expect(twice.text).toContain(hvWeb02.findings.find((f) => f.rule === id)!.message);
      expect(twice.text).toContain(`remediation: ${rule.remediation}`);
    }
    // AND a single error is the failure's message
    const [once] = childrenNamed(testcase(suite, 'legacy-01'), 'failure');
    expect(once.attributes.message).toBe('SMS-OS2: RHEL 7.4 is not supported (supported: 5.1-5.11, 6.1-6.9, 7.0-7.3)');
    expect(once.attributes.type).toBe('SMS-OS2');
  });

  test('warnings, unknowns, acknowledged findings with their reason and info go to the test case\'s system-out', () => {
    // GIVEN
    const suite = childrenNamed(parseXml(renderJunit([exampleSource()], { generatedAt: FIXED_NOW })), 'testsuite')[0];
    const out = (name: string): string[] => childrenNamed(testcase(suite, name), 'system-out')[0].text.split('\n');

    // THEN each finding is one line, prefixed by its kind, and a case with no error has no failure
    expect(childrenNamed(testcase(suite, 'db-01'), 'failure')).toEqual([]);
    expect(out('db-01')[0]).toBe('verdict: ready-with-conditions');
    const net1 = out('db-01').filter((line) => line.startsWith('acknowledged SMS-NET1: 2 network interfaces '));
    expect(net1).toHaveLength(1);
    expect(net1[0].endsWith(' (acknowledged: second NIC is the backup network; dropped on purpose, backups move to AWS Backup)')).toBe(true);
    expect(out('mon-01')).toContainEqual(expect.stringMatching(/^warning SMS-NET2: nic 1 has 2001:db8:20::15/));
    expect(out('batch-01')).toContainEqual(expect.stringMatching(/^unknown SMS-PREP1: whether antivirus/));
    expect(out('web-01')).toContainEqual(expect.stringMatching(/^info SMS-HV6: RHEL 7.3 will be imported as an HVM AMI/));
    // AND an acknowledged error stays acknowledged, with its reason
    expect(out('vault-01')).toContainEqual(expect.stringMatching(
      /^acknowledged SMS-JOB2: .*\(acknowledged: security policy requires encrypted AMIs; the team re-encrypts after the first test launch\)$/));
  });

  test('a refused acknowledgement leaves the failure, which says why and quotes the reason', () => {
    // GIVEN a hard rule's error acknowledged anyway
    const vm = readyLinuxVm('old-rhel');
    vm.os.version = '7.4';
    vm.acknowledge = [{ rule: 'SMS-OS2', reason: 'we will upgrade later' }];
    const source = sourceOf(planOf([vm]), 'refused.json');

    // WHEN
    const suite = childrenNamed(parseXml(renderJunit([source], { generatedAt: FIXED_NOW })), 'testsuite')[0];

    // THEN
    const [failure] = childrenNamed(testcase(suite, 'old-rhel'), 'failure');
    expect(failure.attributes.type).toBe('SMS-OS2');
    expect(failure.text).toMatch(/acknowledgement refused: SMS-OS2 is a hard rule.*; reason given: we will upgrade later$/m);
  });

  test('under --strict a warning fails the test case, as it fails the command', () => {
    // GIVEN the example plan assessed strictly
    const loaded = parsePlan(fs.readFileSync(EXAMPLE_PLAN, 'utf8'), 'examples/plan.json', { ruleIds: new Set(RULE_IDS) });
    const assessment = assessPlan(loaded.plan, { now: FIXED_NOW, strict: true });

    // WHEN
    const suite = childrenNamed(parseXml(renderJunit([{ file: 'examples/plan.json', assessment }], { generatedAt: FIXED_NOW })), 'testsuite')[0];

    // THEN mon-01's unacknowledged warning is a failure, batch-01's unknowns too; db-01's acknowledged one is not
    expect(childrenNamed(testcase(suite, 'mon-01'), 'failure')[0].attributes.message).toMatch(/^SMS-NET2: /);
    expect(childrenNamed(testcase(suite, 'batch-01'), 'failure')[0].attributes.message).toMatch(/^6 failing findings: SMS-PREP1, /);
    expect(childrenNamed(testcase(suite, 'db-01'), 'failure')).toEqual([]);
    const failing = [...assessment.vms, ...assessment.connectors].filter((s) => failsPolicy(s.findings, assessment.policy));
    expect(suite.attributes.failures).toBe(String(failing.length));
    expect(failing.length).toBeGreaterThan(assessment.vms.filter((v) => v.verdict === Verdict.NOT_READY).length);
  });

  test('a hostile plan gives valid, well-formed XML whose names read back as written', async () => {
    // GIVEN names, a file name and a reason of markup, quotes, a CDATA end, control characters and a bidi override
    const source = hostileSource();

    // WHEN
    const xml = renderJunit([source], { generatedAt: FIXED_NOW });

    // THEN it is valid, holds no character XML forbids, and parses
    expect(await junitSchemaErrors(xml, JunitSchema.JENKINS)).toEqual([]);
    expect(xml).not.toMatch(FORBIDDEN_XML);
    expect(xml).not.toContain('<script>');
    const suite = childrenNamed(parseXml(xml), 'testsuite')[0];
    // AND the text reads back as written, the control characters as visible escapes
    const shown = HOSTILE_TEXT.replace('\u0001\u0007\u001b', '\\u0001\\u0007\\u001b');
    expect(suite.attributes.name).toBe(`plans/${shown}.json`);
    const vm = testcase(suite, `vm-${shown}`);
    expect(vm.attributes.classname).toBe(`wave.wave-${shown}`);
    expect(childrenNamed(vm, 'system-out')[0].text).toContain(`(acknowledged: reason ${shown})`);
    expect(testcase(suite, `conn-${shown}`).attributes.classname).toBe('connectors');
  });

  test('keeps tab, CR and LF in a name, and escapes U+FFFF and a lone surrogate visibly', () => {
    // GIVEN a VM name XML can only hold with references, or not at all
    const source = sourceOf(planOf([readyLinuxVm('a\ud800b\uffff\tc\r\nd')]), 'odd.json');

    // WHEN
    const xml = renderJunit([source], { generatedAt: FIXED_NOW });

    // THEN
    expect(xml).not.toMatch(/[\uD800-\uDFFF\uFFFF]/);
    const suite = childrenNamed(parseXml(xml), 'testsuite')[0];
    expect(childrenNamed(suite, 'testcase')[0].attributes.name).toBe('a\\ud800b\\uffff\tc\r\nd');
  });

  test('several plans give several test suites, and the totals add up', async () => {
    // GIVEN the example plan and a small one
    const small = sourceOf(planOf([readyLinuxVm('solo')], { connectors: [vmwareConnector()] }), 'small.json');
    const example = exampleSource();

    // WHEN
    const xml = renderJunit([example, small], { generatedAt: FIXED_NOW });

    // THEN
    expect(await junitSchemaErrors(xml, JunitSchema.JENKINS)).toEqual([]);
    const root = parseXml(xml);
    const suites = childrenNamed(root, 'testsuite');
    expect(suites.map((s) => [s.attributes.id, s.attributes.name, s.attributes.tests])).toEqual([
      ['0', 'examples/plan.json', String(example.assessment.vms.length + example.assessment.connectors.length)],
      ['1', 'small.json', '2'],
    ]);
    expect(root.attributes.tests).toBe(String(suites.reduce((n, s) => n + Number(s.attributes.tests), 0)));
    expect(root.attributes.failures).toBe(String(suites.reduce((n, s) => n + Number(s.attributes.failures), 0)));
  });

  test('no plan gives an empty, valid report', async () => {
    // WHEN
    const xml = renderJunit([], { generatedAt: FIXED_NOW });

    // THEN
    expect(await junitSchemaErrors(xml, JunitSchema.JENKINS)).toEqual([]);
    expect(parseXml(xml).attributes).toMatchObject({ tests: '0', failures: '0' });
  });

  test('unused acknowledgements are named in the suite\'s system-out', () => {
    // GIVEN an acknowledgement that matches no finding
    const vm = readyLinuxVm('clean');
    vm.acknowledge = [{ rule: 'SMS-NET1', reason: 'just in case' }];
    const source = sourceOf(planOf([vm]), 'unused.json');

    // WHEN
    const suite = childrenNamed(parseXml(renderJunit([source], { generatedAt: FIXED_NOW })), 'testsuite')[0];

    // THEN
    expect(childrenNamed(suite, 'system-out')[0].text).toContain('unused acknowledgement SMS-NET1 on VM clean (it matches no finding): just in case');
  });

  test('a 10,000-VM plan renders and is valid (its speed is measured by npm run bench)', async () => {
    // GIVEN
    const source = sourceOf(generatePlan(10_000), 'big.json');

    // WHEN
    const xml = renderJunit([source], { generatedAt: FIXED_NOW });

    // THEN
    expect(xml.match(/<testcase /g)).toHaveLength(10_002);
    expect(await junitSchemaErrors(xml, JunitSchema.JENKINS)).toEqual([]);
  }, 60_000);
});
