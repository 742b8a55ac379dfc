import { generatePlan } from '../../bench/plan-generator';
import { assessPlan } from '../../lib/rules';
import { Verdict } from '../../lib/assessment/types';
import { parsePlan } from '../../lib/plan';
import { renderMarkdown } from '../../lib/report/markdown';
import { findingKind, FindingKind, ReportSource } from '../../lib/report/source';
import { RULE_IDS } from '../../lib/rules';
import { planOf, readyLinuxVm, vmwareConnector } from '../helpers/fixtures';
import { exampleSource, FIXED_NOW, hostileSource } from './report-fixtures';

function assessed(plan: object, file = 'plan.json'): ReportSource {
  const loaded = parsePlan(JSON.stringify(plan), file, { ruleIds: new Set(RULE_IDS) });
  return { file, assessment: assessPlan(loaded.plan, { now: FIXED_NOW }) };
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/** The `|` that separate cells: those not escaped by an odd run of backslashes. */
function separators(line: string): number {
  let count = 0;
  let backslashes = 0;
  for (const ch of line) {
    if (ch === '\\') {
      backslashes += 1;
      continue;
    }
    if (ch === '|' && backslashes % 2 === 0) {
      count += 1;
    }
    backslashes = 0;
  }
  return count;
}

interface Table {
  readonly header: string;
  readonly delimiter: string;
  readonly rows: string[];
}

/** The tables of a Markdown text: runs of lines that start with `|`. */
function tables(md: string): Table[] {
  const found: Table[] = [];
  let run: string[] = [];
  for (const line of [...md.split('\n'), '']) {
    if (line.startsWith('|')) {
      run.push(line);
    } else if (run.length > 0) {
      found.push({ header: run[0], delimiter: run[1], rows: run.slice(2) });
      run = [];
    }
  }
  return found;
}

/** The first table after the first occurrence of `marker`, or undefined when the marker is absent. */
function tableAfter(md: string, marker: string): Table | undefined {
  const at = md.indexOf(marker);
  return at < 0 ? undefined : tables(md.slice(at))[0];
}

function rowOf(table: Table | undefined, name: string): string | undefined {
  return table?.rows.find((r) => r.startsWith(`| ${name} |`));
}

/** Checks what must hold for any output: within the limit, a final newline, valid tables, balanced <details>. */
function expectWellFormed(md: string, maxLength = 65536): void {
  expect(md.length).toBeLessThanOrEqual(maxLength);
  expect(md.endsWith('\n')).toBe(true);
  for (const table of tables(md)) {
    const columns = separators(table.header);
    expect(table.delimiter).toMatch(/^\|( ---:? \|)+$/);
    expect(separators(table.delimiter)).toBe(columns);
    for (const r of table.rows) {
      expect(separators(r)).toBe(columns);
    }
  }
  const tags = md.match(/<\/?details>/g) ?? [];
  tags.forEach((tag, i) => expect(tag).toBe(i % 2 === 0 ? '<details>' : '</details>'));
  expect(tags.length % 2).toBe(0);
}

/** The summary table's row for a verdict: [VMs, connectors]. */
function summaryCounts(md: string, label: string): number[] {
  const r = tableAfter(md, '| Verdict | VMs | Connectors |')!.rows.find((line) => line.startsWith(`| ${label} |`))!;
  return r.split('|').slice(2, 4).map((cell) => Number(cell.replace(/[*,\s]/g, '')));
}

function noticeOf(md: string): string | undefined {
  return /\n_Left out to fit a comment: (.*)\. The full report: `[^`]*`\._\n$/.exec(md)?.[1];
}

const example = exampleSource();
const exampleMd = renderMarkdown([example]);

describe('renderMarkdown summary', () => {
  test('counts the example plan by verdict (25/14/5/5/1) and its connectors', () => {
    // GIVEN the shipped example plan
    // WHEN rendered
    const md = exampleMd;
    // THEN the heading names the plan and the summary table has the assessment's counts
    expect(md.startsWith('## SMS migration assessment\n\nPlan: <code>examples/plan.json</code>\n')).toBe(true);
    expect(summaryCounts(md, '✅ ready')).toEqual([14, 2]);
    expect(summaryCounts(md, '⚠️ ready with conditions')).toEqual([5, 0]);
    expect(summaryCounts(md, '❌ not ready')).toEqual([5, 0]);
    expect(summaryCounts(md, '❔ unknown')).toEqual([1, 0]);
    expect(summaryCounts(md, '**total**')).toEqual([25, 2]);
    expect(md).toContain('❌ **5 of 25 VMs are not ready** to migrate; 6 more need attention.');
    expectWellFormed(md);
  });

  test('counts VMs per wave by verdict, unscheduled VMs last', () => {
    // GIVEN the example plan: two waves and five VMs in none
    // WHEN rendered
    const waves = tableAfter(exampleMd, '#### Waves')!;
    // THEN one row per wave, in plan order, then (unscheduled)
    expect(waves.rows).toEqual([
      '| wave-1 | 10 | 7 | 3 | 0 | 0 |',
      '| wave-2 | 10 | 7 | 2 | 0 | 1 |',
      '| (unscheduled) | 5 | 0 | 0 | 5 | 0 |',
    ]);
  });

  test('sums several plans in one summary and gives each plan its own section', () => {
    // GIVEN the example plan and the hostile plan
    const md = renderMarkdown([example, hostileSource()]);
    // THEN the summary covers both and each plan follows under its own heading, in order
    expect(summaryCounts(md, '❌ not ready')).toEqual([6, 0]);
    expect(summaryCounts(md, '✅ ready')).toEqual([15, 3]);
    expect(md).toContain('**6 of 27 VMs across 2 plans are not ready**');
    expect(md.match(/^## /gm)).toHaveLength(1);
    const sections = md.match(/^### Plan .*$/gm)!;
    expect(sections).toHaveLength(2);
    expect(sections[0]).toBe('### Plan <code>examples/plan.json</code>');
    expect(md.match(/^#### Waves$/gm)).toHaveLength(2);
    expectWellFormed(md);
  });
});

describe('renderMarkdown VM details', () => {
  test('lists every not-ready VM with its error rule ids', () => {
    // GIVEN the example plan's not-ready VMs
    const notReady = example.assessment.vms.filter((vm) => vm.verdict === Verdict.NOT_READY);
    expect(notReady).toHaveLength(5);
    // WHEN rendered
    const table = tableAfter(exampleMd, '#### ❌ Not ready: 5 VMs');
    // THEN each has a row in the not-ready table that names each unacknowledged error
    expect(table?.rows).toHaveLength(5);
    for (const vm of notReady) {
      const r = rowOf(table, vm.name);
      expect(r).toBeDefined();
      const errors = vm.findings.filter((f) => findingKind(f) === FindingKind.ERROR);
      expect(errors.length).toBeGreaterThan(0);
      for (const f of errors) {
        expect(r).toContain(`**${f.rule}** error:`);
      }
    }
  });

  test('lists VMs ready with conditions and unknown with their warnings and unknowns', () => {
    // GIVEN the example's five VMs ready with conditions and one unknown
    const table = tableAfter(exampleMd, '#### ⚠️ Ready with conditions, or ❔ unknown: 6 VMs')!;
    // THEN each has a row, batch-01 shows its unknowns, files-01 its warning
    expect(table.rows).toHaveLength(6);
    expect(rowOf(table, 'batch-01')).toContain('| ❔ unknown |');
    // batch-01 records no guest section: said once, with the rules it leaves unknown
    expect(rowOf(table, 'batch-01')).toContain('unknown: no guest section: 6 rules unknown (**SMS-PREP1**, **SMS-PREP2**,');
    expect(rowOf(table, 'files-01')).toContain('**SMS-PREP12** warning:');
  });

  test('shows acknowledged findings with their reason', () => {
    // GIVEN the example's acknowledged findings (vault-01 acknowledges an error, db-01 a warning)
    const md = exampleMd;
    // THEN every acknowledged finding appears with its reason on its VM's row, outside the findings column
    const conditions = (f: { acknowledged: boolean; severity: string }): boolean => f.acknowledged && f.severity !== 'info';
    const vms = example.assessment.vms.filter((vm) => vm.findings.some(conditions));
    expect(vms.map((vm) => vm.name)).toEqual(['db-01', 'hv-db-02', 'vault-01']);
    for (const vm of vms) {
      const r = tables(md).map((t) => rowOf(t, vm.name)).find((line) => line !== undefined)!;
      for (const f of vm.findings.filter(conditions)) {
        expect(r).toContain(`**${f.rule}**: ${f.reason}`);
      }
    }
    // AND an acknowledged informational finding (SMS-JOB5, plan-wide) is information, as in every report: a ready VM
    // lists no acknowledgement, which would read as a condition
    expect(rowOf(tables(md).find((t) => rowOf(t, 'web-01') !== undefined)!, 'web-01')).toMatch(/\| - \|$/);
    expect(rowOf(tableAfter(md, '#### ⚠️'), 'vault-01')).not.toContain('**SMS-JOB2** error');
  });

  test('folds the ready VMs into a <details> block and only counts informational findings', () => {
    // GIVEN the example's 14 ready VMs and its informational findings
    const ready = example.assessment.vms.filter((vm) => vm.verdict === Verdict.READY);
    const info = example.assessment.vms.reduce((n, vm) => n + vm.findings.filter((f) => f.severity === 'info').length, 0);
    // WHEN rendered
    const md = exampleMd;
    const details = /<details><summary>14 ready VMs<\/summary>\n\n([\s\S]*?)\n<\/details>\n/.exec(md)![1];
    // THEN every ready VM has a row inside the block, and no other VM does
    const rows = tables(details)[0].rows;
    expect(rows.map((r) => r.split(' | ')[0].slice(2))).toEqual(ready.map((vm) => vm.name));
    // AND informational findings are counted, not listed (SMS-HV6 is only ever informational in the example)
    expect(md).not.toContain('SMS-HV6');
    expect(md).toContain(`\n${fmt(info)} informational findings (what SMS will change during the migration) are not listed here`);
  });

  test('lists connectors with findings and unused acknowledgements', () => {
    // GIVEN a connector that declares no firewall rules and an acknowledgement that matches nothing
    const connector = { ...(vmwareConnector() as Record<string, unknown>) };
    delete connector.egress;
    const plan = planOf([readyLinuxVm('web-01')], {
      connectors: [connector],
      acknowledge: [{ rule: 'SMS-NET2', reason: 'no IPv6 anywhere', vms: ['db-*'] }],
    });
    // WHEN rendered
    const source = assessed(plan);
    const md = renderMarkdown([source]);
    // THEN the connector has a row with its findings, and the unused acknowledgement is listed
    const c = source.assessment.connectors[0];
    expect(c.findings.length).toBeGreaterThan(0);
    const r = rowOf(tableAfter(md, '#### Connectors with findings'), 'dc1-connector');
    for (const f of c.findings) {
      expect(r).toContain(`**${f.rule}**`);
    }
    expect(md).toContain('#### Unused acknowledgements (they match no finding)\n\n- **SMS-NET2** plan-wide for db-\\*: no IPv6 anywhere\n');
    expectWellFormed(md);
  });
});

describe('renderMarkdown escaping', () => {
  const TAGS = /<(?!\/?(code|details|summary)>|br>)/;

  function expectInert(md: string): void {
    expect(md).not.toMatch(/<script/i);
    expect(md).not.toMatch(TAGS);
    expect(md).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(md).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(md).not.toMatch(/(?<!\\)[[\]!$~]/);
    expect(md).not.toMatch(/(?<![`@])@/);
    expectWellFormed(md);
  }

  test('makes hostile names, file name and reasons inert', () => {
    // GIVEN VM, wave, connector and file names and a reason made of markup, pipes, backticks, controls and a bidi override
    const md = renderMarkdown([hostileSource()]);
    // THEN nothing of it acts as markup, and what was invisible is shown escaped
    expectInert(md);
    expect(md).toContain('vm-&lt;script&gt;alert("x")&lt;/script&gt; &amp; \'q\' \\| \\`tick\\` \\*\\*b\\*\\* \\]\\]&gt; '
      + '\\\\u0001\\\\u0007\\\\u001b\\[31m \\\\u202e');
    expect(md).toContain('Plan: <code>plans/&lt;script&gt;');
    expect(md).toContain('**SMS-NET1**: reason &lt;script&gt;');
    // AND the notice would not paste the hostile file name into a command line
    expect(renderMarkdown([hostileSource()], { maxLength: 1500 })).toContain('`cdk-sms assess <plan files> --format html`');
  });

  test('stops mentions, links, images, math, line breaks and a closing </details> in names', () => {
    // GIVEN VMs whose names try each of these
    const names = [
      'a @octocat @@team b', '[click](https://evil.example)', '![x](https://evil.example/i.png)', '</details><details>',
      'two\nlines\r\nand\ttab', '$x^2$ ~~gone~~ #1', 'lone \ud800 surrogate and \u2066isolate\u2069',
    ];
    const vms = names.map((n, i) => ({ ...(readyLinuxVm(n) as Record<string, unknown>), source: { vmId: `vm-${i}` } }));
    const source = assessed(planOf(vms));
    // WHEN rendered
    const md = renderMarkdown([source]);
    // THEN each renders as its own text on one table row
    expectInert(md);
    const ready = tableAfter(md, '<details>')!;
    expect(ready.rows).toHaveLength(names.length);
    expect(md).toContain('| a `@`octocat `@@`team b |');
    expect(md).toContain('| \\[click\\](https://evil.example) |');
    expect(md).toContain('| \\!\\[x\\](https://evil.example/i.png) |');
    expect(md).toContain('| &lt;/details&gt;&lt;details&gt; |');
    expect(md).toContain('| two lines and tab |');
    expect(md).toContain('| \\$x^2\\$ \\~\\~gone\\~\\~ \\#1 |');
    expect(md).toContain('| lone \\\\ud800 surrogate and \\\\u2066isolate\\\\u2069 |');
  });
});

describe('renderMarkdown length', () => {
  test('has no notice when the report fits', () => {
    // GIVEN the example plan, far under the default limit
    // THEN nothing is left out
    expect(exampleMd.length).toBeLessThan(65536);
    expect(noticeOf(exampleMd)).toBeUndefined();
    expect(exampleMd).not.toContain('Left out');
  });

  test('leaves nothing out at exactly the full length, and something at one less', () => {
    // GIVEN the full report's length
    const full = exampleMd.length;
    // WHEN rendered at that limit, and at one less
    const exact = renderMarkdown([example], { maxLength: full });
    const short = renderMarkdown([example], { maxLength: full - 1 });
    // THEN the first is the full report, the second is cut and says so
    expect(exact).toBe(exampleMd);
    expect(short.length).toBeLessThanOrEqual(full - 1);
    expect(noticeOf(short)).toMatch(/^\d+ ready VMs?$/);
    expectWellFormed(short, full - 1);
  });

  test('keeps the summary and says what it left out under a small limit', () => {
    // GIVEN a limit of 3,000 characters
    const md = renderMarkdown([example], { maxLength: 3000 });
    // THEN the summary stays, ready VMs go first, not-ready VMs stay longest, and the notice counts what went
    expectWellFormed(md, 3000);
    expect(summaryCounts(md, '❌ not ready')).toEqual([5, 0]);
    expect(md).not.toContain('<details>');
    expect(tableAfter(md, '#### ❌ Not ready')!.rows).toHaveLength(5);
    const shown = tableAfter(md, '#### ⚠️')?.rows ?? [];
    const shownUnknown = shown.filter((r) => r.includes('| ❔ unknown |')).length;
    const parts = ['14 ready VMs', `${5 - (shown.length - shownUnknown)} VMs ready with conditions`];
    if (shownUnknown === 0) {
      parts.push('1 VM of unknown readiness');
    }
    expect(noticeOf(md)).toBe(parts.join(', '));
    expect(md.endsWith('The full report: `cdk-sms assess examples/plan.json --format html`._\n')).toBe(true);
  });

  test('fits every limit, dropping rows by importance', () => {
    // GIVEN two plans rendered at limits from the smallest allowed up to their full length
    const sources = [example, hostileSource()];
    const full = renderMarkdown(sources).length;
    const notReady = 6;
    for (let max = 1500; max <= full + 1; max += 41) {
      // WHEN rendered at that limit
      const md = renderMarkdown(sources, { maxLength: max });
      // THEN it fits, keeps the summary, and never shows a less important row while a more important one is gone
      expectWellFormed(md, max);
      expect(summaryCounts(md, '❌ not ready')).toEqual([notReady, 0]);
      expect(noticeOf(md) === undefined).toBe(max >= full);
      const rows = (marker: string): number => md.split(marker).slice(1).reduce((n, part) => n + (tables(part)[0]?.rows.length ?? 0), 0);
      if (md.includes('<details>')) {
        expect(rows('#### ⚠️')).toBe(6);
      }
      if (rows('#### ⚠️') > 0) {
        expect(rows('#### ❌')).toBe(notReady);
      }
    }
  });

  test('refuses a limit too small for the summary', () => {
    expect(() => renderMarkdown([example], { maxLength: 1499 })).toThrow(/maxLength 1499 is too small/);
  });

  describe('a plan of 10,000 VMs', () => {
    let source: ReportSource;
    beforeAll(() => {
      // GIVEN the benchmark's 10,000-VM plan with every 100th VM's boot disk over the MBR limit (not ready)
      const plan = generatePlan(10000) as { vms: { disks: { sizeGiB: number }[] }[] };
      plan.vms.forEach((vm, i) => {
        if (i % 100 === 0) {
          vm.disks[0].sizeGiB = 20000;
        }
      });
      source = assessed(plan);
    }, 60000);

    test('fits a GitHub comment and counts what it left out (its speed is measured by npm run bench)', () => {
      const { summary } = source.assessment;
      expect(summary.notReady).toBe(100);
      // WHEN rendered with the default limit
      const md = renderMarkdown([source]);
      // THEN it fits
      expectWellFormed(md, 65536);
      expect(summaryCounts(md, '⚠️ ready with conditions')[0]).toBe(summary.readyWithConditions);
      // AND every not-ready VM is listed, and the notice counts exactly the rows that are missing
      expect(tableAfter(md, `#### ❌ Not ready: ${summary.notReady} VMs`)!.rows).toHaveLength(summary.notReady);
      const count = (rows: string[], verdict: string): number => rows.filter((r) => r.includes(`| ${verdict} |`)).length;
      const attention = tableAfter(md, '#### ⚠️')?.rows ?? [];
      const ready = md.includes('<details>') ? tableAfter(md, '<details>')!.rows.length : 0;
      const connectors = tableAfter(md, '#### Connectors with findings')?.rows.length ?? 0;
      const withFindings = source.assessment.connectors.filter((c) => c.findings.some((f) => f.severity !== 'info')).length;
      const expected = [
        [summary.ready - ready, 'ready VM', 'ready VMs'],
        [summary.readyWithConditions - count(attention, '⚠️ ready with conditions'), 'VM ready with conditions', 'VMs ready with conditions'],
        [summary.unknown - count(attention, '❔ unknown'), 'VM of unknown readiness', 'VMs of unknown readiness'],
        [withFindings - connectors, 'connector with findings', 'connectors with findings'],
      ] as const;
      const parts = expected.filter(([n]) => n > 0).map(([n, one, many]) => `${fmt(n)} ${n === 1 ? one : many}`);
      expect(parts.length).toBeGreaterThan(0);
      expect(noticeOf(md)).toBe(parts.join(', '));
    });

    test('also fits a small limit', () => {
      const md = renderMarkdown([source], { maxLength: 3000 });
      expectWellFormed(md, 3000);
      expect(summaryCounts(md, '❌ not ready')).toEqual([100, 0]);
      expect(noticeOf(md)).toMatch(new RegExp(`^${source.assessment.summary.ready} ready VMs, [\\d,]+ VMs ready with conditions, `));
    });
  });
});
