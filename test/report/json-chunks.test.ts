import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parsePlan } from '../../lib/plan';
import { PlanAssessment } from '../../lib/assessment/types';
import { jsonReportChunks, jsonReportsChunks } from '../../lib/report/json';
import { renderReportChunks, ReportFormat } from '../../lib/report/format';
import { toReport } from '../../lib/report/report';
import { escapeJsonControls } from '../../lib/private/visible-controls';
import { assessPlan, RULE_IDS } from '../../lib/rules';
import { batched, writeFileAtomically } from '../../lib/cli/io';
import { planOf, readyLinuxVm } from '../helpers/fixtures';
import { exampleSource, FIXED_NOW, hostileSource, mgnSource } from './report-fixtures';

/**
 * The JSON report is written in pieces, one VM at a time; joined, the pieces must be exactly what
 * one `JSON.stringify(report, null, 2)` writes, whatever the report holds.
 */

/** The report as one string, the way it was written before it came in pieces. */
const whole = (assessment: PlanAssessment): string => `${escapeJsonControls(JSON.stringify(toReport(assessment), null, 2))}\n`;

/** The compact report as one string: JSON.stringify without spacing. */
const compactWhole = (assessment: PlanAssessment): string => `${escapeJsonControls(JSON.stringify(toReport(assessment)))}\n`;

function assessed(vms: object[], extra: Record<string, unknown> = {}): PlanAssessment {
  const loaded = parsePlan(JSON.stringify({ ...planOf(vms), ...extra }), 'plan.json', { ruleIds: new Set(RULE_IDS) });
  return assessPlan(loaded.plan, { now: FIXED_NOW });
}

/** A plan with an unscheduled VM whose acknowledgement of a hard rule is refused and of another kept. */
function unscheduledAndAcknowledged(): PlanAssessment {
  return assessed([
    { ...readyLinuxVm('waved'), wave: 'wave-1' },
    { ...readyLinuxVm('unwaved'), wave: undefined, os: { family: 'linux', name: 'freebsd', version: '12', architecture: 'x86_64' },
      acknowledge: [{ rule: 'SMS-OS1', reason: 'we know "\u0085"' }, { rule: 'SMS-NET4', reason: 'an EIP is planned' }] },
  ]);
}

describe('the JSON report in pieces', () => {
  test.each([
    ['the example plan', () => exampleSource().assessment],
    ['a plan of hostile names', () => hostileSource().assessment],
    ['one VM', () => assessed([readyLinuxVm('only')])],
    ['a DEL and C1 controls in a name', () => assessed([readyLinuxVm('vm-\u007f\u0085\u009b')])],
    ['an acknowledgement that matches nothing', () => assessed([readyLinuxVm('a')], {
      acknowledge: [{ rule: 'SMS-NET1', reason: 'nothing to match' }],
    })],
    ['MGN details, findings acknowledged through another pack\'s rule, not carried', () => mgnSource().assessment],
    ['an unscheduled VM, a refused acknowledgement of a hard rule and a kept one', () => unscheduledAndAcknowledged()],
  ])('%s: the pieces joined are JSON.stringify with two spaces', (_, assessment) => {
    // GIVEN
    const a = assessment();
    // WHEN
    const pieces = [...jsonReportChunks(a)];
    // THEN
    expect(pieces.join('')).toBe(whole(a));
    expect(pieces.length).toBeGreaterThan(1);
    expect([...jsonReportChunks(a, { compact: true })].join('')).toBe(compactWhole(a));
  });

  test('the cases above hold every optional field of a VM record and of a finding', () => {
    // GIVEN the MGN fixture and the plan with an unscheduled VM
    const mgn = whole(mgnSource().assessment);
    const unscheduled = whole(unscheduledAndAcknowledged());
    // THEN
    for (const field of ['tenancy', 'evaluationDate', 'replicationMethod', 'acknowledgedVia', 'reason']) {
      expect(mgn).toContain(`"${field}": `);
    }
    for (const field of ['unscheduled', 'note', 'reason']) {
      expect(unscheduled).toContain(`"${field}": `);
    }
    expect(unscheduled).toContain('"acknowledged": true');
  });

  test('hundreds of VMs: pieces of a few hundred VMs each, joined at their seams as JSON.stringify writes them', () => {
    // GIVEN 600 VMs (more than two pieces' worth), some with C1 controls in their names
    const a = assessed(Array.from({ length: 600 }, (_, i) => readyLinuxVm(i % 97 === 0 ? `vm-${i}-\u0085` : `vm-${i}`)));
    const several = [{ file: 'a.json', assessment: a }, { file: 'b.json', assessment: a }];
    // WHEN
    const pieces = [...jsonReportChunks(a)];
    // THEN
    expect(pieces.join('')).toBe(whole(a));
    expect(pieces.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(whole(a).length / 2);
    expect([...jsonReportsChunks(several)].join(''))
      .toBe(`${escapeJsonControls(JSON.stringify(several.map((s) => ({ file: s.file, ...toReport(s.assessment) })), null, 2))}\n`);
    expect([...jsonReportChunks(a, { compact: true })].join('')).toBe(compactWhole(a));
    expect([...jsonReportsChunks(several, { compact: true })].join(''))
      .toBe(`${escapeJsonControls(JSON.stringify(several.map((s) => ({ file: s.file, ...toReport(s.assessment) }))))}\n`);
  });

  test('a report without VMs or connectors writes empty arrays as JSON.stringify does', () => {
    // GIVEN an assessment with nothing in it
    const a = assessed([readyLinuxVm('a')]);
    const empty: PlanAssessment = { ...a, vms: [], connectors: [], unusedAcknowledgements: [] };
    // WHEN / THEN
    expect([...jsonReportChunks(empty)].join('')).toBe(whole(empty));
    expect([...jsonReportChunks(empty, { compact: true })].join('')).toBe(compactWhole(empty));
    expect([...jsonReportsChunks([], { compact: true })].join('')).toBe('[]\n');
  });

  test('several plans: an array of reports, each naming its file first', () => {
    // GIVEN
    const sources = [exampleSource(), { ...hostileSource(), file: 'hostile "plan"\u0085.json' }];
    // WHEN
    const text = [...jsonReportsChunks(sources)].join('');
    // THEN
    const expected = `${escapeJsonControls(JSON.stringify(sources.map((s) => ({ file: s.file, ...toReport(s.assessment) })), null, 2))}\n`;
    expect(text).toBe(expected);
    expect([...jsonReportsChunks(sources, { compact: true })].join(''))
      .toBe(`${escapeJsonControls(JSON.stringify(sources.map((s) => ({ file: s.file, ...toReport(s.assessment) }))))}\n`);
  });

  test('renderReportChunks gives other formats whole, in one piece', () => {
    // GIVEN / WHEN
    const pieces = [...renderReportChunks(ReportFormat.MARKDOWN, [exampleSource()], { generatedAt: FIXED_NOW })];
    // THEN
    expect(pieces).toHaveLength(1);
    expect(pieces[0]).toContain('# ');
  });
});

describe('writing pieces', () => {
  test('batched gathers pieces into batches of about the size asked, losing nothing', () => {
    // GIVEN 1,000 pieces of 10 characters
    const pieces = Array.from({ length: 1000 }, (_, i) => String(i).padStart(10, '.'));
    // WHEN
    const batches = [...batched(pieces, 2500)];
    // THEN
    expect(batches.join('')).toBe(pieces.join(''));
    expect(batches).toHaveLength(4);
    expect(batches.slice(0, -1).every((b) => b.length === 2500)).toBe(true);
  });

  test('batched writes a large piece as it is, after what was gathered before it', () => {
    // GIVEN small pieces around one of half a batch
    const big = 'b'.repeat(1250);
    // WHEN
    const batches = [...batched(['a', 'a', big, 'c'], 2500)];
    // THEN
    expect(batches).toEqual(['aa', big, 'c']);
  });

  test('writeFileAtomically writes the pieces as one file and leaves no temporary file', () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chunks-'));
    const file = path.join(dir, 'report.json');
    const a = exampleSource().assessment;
    try {
      // WHEN
      writeFileAtomically(file, jsonReportChunks(a));
      // THEN
      expect(fs.readFileSync(file, 'utf8')).toBe(whole(a));
      expect(fs.readdirSync(dir)).toEqual(['report.json']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
