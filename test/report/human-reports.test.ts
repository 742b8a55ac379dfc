/**
 * What the human reports (table, Markdown, HTML) agree on with the others: an acknowledged informational
 * finding is information everywhere; an undecided license and a refused acknowledgement read the same in
 * every format; a section left out of the plan is said once; the table stays aligned with wide names and
 * counts each finding in one column.
 */
import { UnknownPolicy } from '../../lib/assessment/types';
import { Plan } from '../../lib/plan/model/plan';
import { displayWidth, fitDisplay } from '../../lib/private/display-width';
import { renderReport, ReportFormat } from '../../lib/report/format';
import { renderTable } from '../../lib/report/table';
import { ReportSource } from '../../lib/report/source';
import { assessPlan } from '../../lib/rules';
import { planOf, readyLinuxVm } from '../helpers/fixtures';
import { FIXED_NOW } from './report-fixtures';

function source(vms: object[], extra: object = {}, unknown: UnknownPolicy = UnknownPolicy.WARN): ReportSource {
  return { file: 'plan.json', assessment: assessPlan(planOf(vms, extra) as Plan, { now: FIXED_NOW, unknown }) };
}

const FORMATS = [ReportFormat.JSON, ReportFormat.MARKDOWN, ReportFormat.HTML, ReportFormat.JUNIT, ReportFormat.SARIF];

function everyFormat(src: ReportSource): Record<string, string> {
  const out: Record<string, string> = { table: renderTable(src.assessment) };
  for (const format of FORMATS) {
    out[format] = renderReport(format, [src], { generatedAt: FIXED_NOW });
  }
  return out;
}

describe('an acknowledged informational finding', () => {
  // GIVEN a ready VM whose only acknowledgement covers an informational rule (SMS-NET4: no public IP)
  const vm = readyLinuxVm('web-01');
  vm.acknowledge = [{ rule: 'SMS-NET4', reason: 'an Elastic IP is planned' }];
  const src = source([vm]);
  const out = everyFormat(src);

  test('leaves the VM ready in every format', () => {
    expect(src.assessment.vms[0].verdict).toBe('ready');
    expect(JSON.parse(out.json).vms[0].verdict).toBe('ready');
    expect(out.table).toMatch(/^web-01 +wave-1 +ready +byol +0 +0 +0 +0$/m);
    expect(out.markdown).toContain('✅ **All 1 VM are ready** to migrate.');
    expect(out.html).toContain('<tbody class="vm v-ready" data-name="web-01">');
    expect(out.junit).toContain('verdict: ready');
    expect(JSON.parse(out.sarif).runs[0].results.every((r: { properties: { verdict: string } }) => r.properties.verdict === 'ready')).toBe(true);
  });

  test('is information, not a condition: no report counts or lists it as an acknowledged condition', () => {
    // The table's ACKED column and the Markdown's Acknowledged column hold no informational finding
    expect(out.markdown).not.toContain('**SMS-NET4**');
    expect(out.html).toMatch(/<li class="f k-info"><span class="k">info<\/span><a href="#rule-SMS-NET4">/);
    expect(out.html).not.toMatch(/Findings: [^<]*acknowledged/);
  });
});

describe('the same words in every format', () => {
  test('a license the facts cannot decide is "undecided" in every format, null in JSON', () => {
    // GIVEN a VM whose OS is not recorded
    const vm = readyLinuxVm('mystery-01');
    delete vm.os;
    const out = everyFormat(source([vm]));
    // THEN
    expect(out.table).toMatch(/^mystery-01 +wave-1 +unknown +undecided /m);
    expect(out.markdown).toMatch(/\| mystery-01 \| wave-1 \| ❔ unknown \| undecided \|/);
    expect(out.html).toContain('<td class="dim">undecided</td>');
    expect(out.junit).toContain('license: undecided');
    expect(JSON.parse(out.sarif).runs[0].results[0].properties.license).toBe('undecided');
    expect(JSON.parse(out.json).vms[0].license).toBeNull();
    expect(out.table).not.toMatch(/ \? /);
  });

  test('a refused acknowledgement is worded "acknowledgement refused: ...; reason given: ..." everywhere', () => {
    // GIVEN an acknowledgement of a hard rule's error
    const vm = readyLinuxVm('old-01');
    vm.os.version = '7.4';
    vm.acknowledge = [{ rule: 'SMS-OS2', reason: 'we will upgrade later' }];
    const out = everyFormat(source([vm]));
    const wording = new RegExp('acknowledgement refused:(?:</b>)? SMS-OS2 is a hard rule: SMS itself rejects this, so its failure cannot be '
      + 'acknowledged; reason given: we will upgrade later');
    // THEN
    for (const format of ['table', ReportFormat.MARKDOWN, ReportFormat.HTML, ReportFormat.JUNIT, ReportFormat.SARIF]) {
      expect({ format, matches: wording.test(out[format]) }).toEqual({ format, matches: true });
    }
  });
});

describe('a section the plan leaves out', () => {
  // GIVEN a VM with no disks, no nics and no guest section
  const vm = readyLinuxVm('bare-01');
  delete vm.disks;
  delete vm.nics;
  delete vm.guest;
  const src = source([vm]);
  const out = everyFormat(src);
  const unknowns = src.assessment.vms[0].findings.filter((f) => f.outcome === 'unknown' && f.severity !== 'info');

  test('is said once per section in the table, Markdown and HTML', () => {
    for (const section of ['disks', 'nics', 'guest']) {
      const count = new RegExp(`no ${section} section: (\\d+) rules unknown`);
      expect(out.table).toMatch(count);
      expect(out.markdown).toMatch(count);
      expect(out.html).toMatch(count);
      expect(out.table.match(new RegExp(count, 'g'))).toHaveLength(1);
    }
    // AND no rule it covers has a line of its own in the table
    expect(out.table).not.toMatch(/^ {2}SMS-DISK3 /m);
    const total = [...out.table.matchAll(/no \w+ section: (\d+) rules unknown/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(total).toBe(unknowns.filter((f) => /\((disks|nics|guest)/.test(f.message)).length);
  });

  test('keeps one unknown finding per rule in JSON, JUnit and SARIF', () => {
    const json = JSON.parse(out.json);
    expect(json.vms[0].findings.filter((f: { outcome: string; severity: string }) => f.outcome === 'unknown' && f.severity !== 'info'))
      .toHaveLength(unknowns.length);
    expect(out.json).not.toContain('section:');
    expect(out.junit).not.toContain('section:');
    expect(out.sarif).not.toContain('section:');
  });
});

describe('the table', () => {
  test('keeps its columns aligned with wide (CJK) names', () => {
    // GIVEN VM names of wide characters, one longer than the name column
    const names = ['web-01', 'ウェブ-01', '数据库服务器-01', `${'長'.repeat(30)}-01`];
    const vms = names.map((name) => ({ ...readyLinuxVm(name), source: { vmId: `vm-${name}` } }));
    // WHEN
    const rows = renderTable(source(vms).assessment).split('\n').filter((l) => / ready /.test(l) && !l.startsWith('4 VMs'));
    // THEN the WAVE column starts at the same display column on every row
    expect(rows).toHaveLength(4);
    const waveColumn = rows.map((row) => displayWidth(row.slice(0, row.indexOf('wave-1'))));
    expect(new Set(waveColumn).size).toBe(1);
    expect(rows[3]).toContain('…');
  });

  test('counts an unknown reported as an error once, under ERRORS, not under UNKNOWN too', () => {
    // GIVEN a VM missing one fact, assessed with --unknown error
    const vm = readyLinuxVm('p2v-01');
    delete vm.createdByP2V;
    const text = renderTable(source([vm], {}, UnknownPolicy.ERROR).assessment);
    // THEN ERRORS 1, WARNINGS 0, UNKNOWN 0
    expect(text).toMatch(/^p2v-01 +wave-1 +not-ready +byol +1 +0 +0 +0$/m);
  });
});

describe('displayWidth', () => {
  test('counts East Asian wide and fullwidth characters as two columns, combining marks as none', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('数据库')).toBe(6);
    expect(displayWidth('ｗｅｂ')).toBe(6);
    expect(displayWidth('한국')).toBe(4);
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('😀')).toBe(2);
  });

  test('fits a text to a width without splitting a wide character', () => {
    expect(fitDisplay('数据库', 5)).toBe('数据…');
    expect(displayWidth(fitDisplay('数据库', 5))).toBe(5);
    expect(fitDisplay('数据库', 4)).toBe('数… ');
    expect(fitDisplay('ab', 4)).toBe('ab  ');
  });
});
