/**
 * The plans the documentation shows are complete: a newcomer who copies one gets `ready`, not a page
 * of unknowns. The README's plan example and each minimal ready VM of docs/minimal-ready-vm.md are
 * read from the Markdown, loaded as plan files (schema and consistency checks included) and assessed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Verdict } from '../../lib/assessment/types';
import { parsePlan } from '../../lib/plan';
import { assessPlan, knownRuleIds, RULE_IDS } from '../../lib/rules';

const ROOT = path.resolve(__dirname, '..', '..');
/** A fixed moment: no verdict here depends on the clock. */
const NOW = new Date('2026-11-25T00:00:00Z');

/** The ```json blocks of a Markdown file, with the line of each opening fence. */
function jsonBlocks(file: string): Array<{ line: number; text: string }> {
  const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
  const blocks: Array<{ line: number; text: string }> = [];
  let open: { line: number; body: string[] } | undefined;
  lines.forEach((text, i) => {
    if (open === undefined) {
      if (/^```json\s*$/.test(text)) {
        open = { line: i + 1, body: [] };
      }
    } else if (/^```\s*$/.test(text)) {
      blocks.push({ line: open.line, text: open.body.join('\n') });
      open = undefined;
    } else {
      open.body.push(text);
    }
  });
  return blocks;
}

/** Every VM and connector of the plan with its verdict, and every finding that is not information. */
function verdicts(text: string, name: string): { subjects: string[]; findings: string[] } {
  const loaded = parsePlan(text, name, { ruleIds: new Set(RULE_IDS) });
  const assessment = assessPlan(loaded.plan, { now: NOW });
  const subjects = [...assessment.vms, ...assessment.connectors].map((s) => `${s.name}: ${s.verdict}`);
  const findings = [...assessment.vms, ...assessment.connectors]
    .flatMap((s) => s.findings.filter((f) => f.severity !== 'info' || f.outcome === 'unknown').map((f) => `${s.name} ${f.rule} ${f.outcome}`));
  return { subjects, findings };
}

describe('the README\'s plan example', () => {
  const plans = jsonBlocks('README.md').filter((b) => /"version": 1/.test(b.text) && /"vms"/.test(b.text) && !/"target": "mgn"/.test(b.text));

  test('is one complete plan whose VM and connector are ready', () => {
    // GIVEN
    expect(plans).toHaveLength(1);

    // WHEN
    const result = verdicts(plans[0].text, `README.md:${plans[0].line}`);

    // THEN
    expect(result.findings).toEqual([]);
    expect(result.subjects).toEqual(['web-01: ready', 'dc1-connector: ready']);
  });
});

describe('docs/minimal-ready-vm.md', () => {
  const plans = jsonBlocks('docs/minimal-ready-vm.md');

  test('has a minimal ready VM for Linux, Windows Server and Windows client', () => {
    const families = plans.map((p) => JSON.parse(p.text).vms.map((vm: { os: { name: string } }) => vm.os.name)).flat();
    expect(families).toEqual(['rhel', 'windows-server', 'windows-client']);
  });

  test.each(plans.map((p) => [p.line, p.text] as const))('the plan at line %i assesses ready, not even an informational unknown', (line, text) => {
    // WHEN
    const result = verdicts(text, `docs/minimal-ready-vm.md:${line}`);

    // THEN
    expect(result.findings).toEqual([]);
    expect(result.subjects.every((s) => s.endsWith(`: ${Verdict.READY}`))).toBe(true);
  });
});

describe('the README\'s smallest MGN plan', () => {
  const plans = jsonBlocks('README.md').filter((b) => /"target": "mgn"/.test(b.text));

  test('loads, and gives what the README shows: unknown, for the facts MGN needs and the plan leaves out', () => {
    expect(plans).toHaveLength(1);
    const loaded = parsePlan(plans[0].text, `README.md:${plans[0].line}`, { ruleIds: knownRuleIds() });
    const assessment = assessPlan(loaded.plan, { now: new Date('2026-12-04T00:00:00Z') });
    expect(assessment.vms.map((v) => `${v.name}: ${v.verdict}`)).toEqual(['web-01: unknown']);
    const findings = assessment.vms[0].findings.map((f) => `${f.rule} ${f.severity === 'info' ? 'info' : f.outcome}`);
    expect(findings).toEqual(expect.arrayContaining(['MGN-OS5 unknown', 'MGN-PREP2 unknown', 'MGN-LAUNCH2 fail']));
    expect(findings.filter((f) => f.endsWith(' fail') && !f.startsWith('MGN-LAUNCH2'))).toEqual([]);
  });
});
