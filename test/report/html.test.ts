import { createHash } from 'crypto';
import { generatePlan } from '../../bench/plan-generator';
import { assessPlan } from '../../lib/rules';
import { AcknowledgementOrigin, AcknowledgementScope, PlanAssessment, UnknownPolicy, Verdict } from '../../lib/assessment/types';
import { parsePlan } from '../../lib/plan';
import { renderHtml } from '../../lib/report/html';
import { ReportSource, toolVersion, UNSCHEDULED, waveLabel } from '../../lib/report/source';
import { findRule, RULE_IDS } from '../../lib/rules';
import { planOf, readyLinuxVm, vmwareConnector } from '../helpers/fixtures';
import { exampleSource, FIXED_NOW, HOSTILE_TEXT, hostileSource } from './report-fixtures';

/** The HTML escaping of text, as a test states it independently of the renderer. */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** The markup of one VM: its `<tbody>`, found by the escaped name. */
function vmBody(doc: string, name: string): string {
  const start = doc.indexOf(`data-name="${html(name)}"`);
  expect(start).toBeGreaterThan(-1);
  return doc.slice(start, doc.indexOf('</tbody>', start));
}

function count(doc: string, needle: string): number {
  return doc.split(needle).length - 1;
}

/** A plan with a refused acknowledgement, a VM without OS facts, a failing connector and unused acknowledgements. */
function conditionsSource(): ReportSource {
  const big = readyLinuxVm('big-01') as Record<string, unknown> & { disks: object[] };
  big.disks = [{ ...big.disks[0], sizeGiB: 20000 }];
  big.acknowledge = [{ rule: 'SMS-BOOT3', reason: 'the disk shrinks before cutover' }, { rule: 'SMS-OS1', reason: 'kept from last year' }];
  const bare = readyLinuxVm('bare-01') as Record<string, unknown>;
  delete bare.os;
  bare.source = { vmPath: '/DC1/vm/bare-01', vmId: 'vm-9001' };
  const connector = { ...(vmwareConnector() as Record<string, unknown>), memoryGiB: 4 };
  const plan = planOf([big, bare], { connectors: [connector], acknowledge: [{ rule: 'SMS-NET2', reason: 'no IPv6 here', vms: ['web-*'] }] });
  const loaded = parsePlan(JSON.stringify(plan), 'plans/conditions.json', { ruleIds: new Set(RULE_IDS) });
  return { file: loaded.file, assessment: assessPlan(loaded.plan, { now: FIXED_NOW }) };
}

describe('renderHtml', () => {
  const example = exampleSource();
  const doc = renderHtml([example], { generatedAt: FIXED_NOW });

  test('is one HTML5 document with the title, the plan file, the time and the tool version', () => {
    // GIVEN the example plan WHEN it is rendered THEN the header names all of it
    expect(doc.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(doc.endsWith('</html>\n')).toBe(true);
    expect(doc).toContain('<h1>SMS migration assessment</h1>');
    expect(doc).toContain('<title>SMS migration assessment: examples/plan.json</title>');
    expect(doc).toContain('<code class="name">examples/plan.json</code>');
    expect(doc).toContain(`<time datetime="${FIXED_NOW.toISOString()}">${FIXED_NOW.toISOString()}</time>`);
    expect(doc).toContain(`cdk-sms-migration ${toolVersion()}`);
  });

  test('uses the current time when no time is given', () => {
    // GIVEN no generatedAt WHEN rendering THEN the time written is now
    const before = Date.now();
    const stamped = renderHtml([example]).match(/<time datetime="([^"]+)">/)![1];
    expect(Date.parse(stamped)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(stamped)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  test('shows the summary counts by verdict as tiles', () => {
    // GIVEN the example's summary THEN each tile holds its count
    const s = example.assessment.summary;
    expect(doc).toContain(`data-tile="vms"><b>${s.vms}</b> VMs`);
    expect(doc).toContain(`data-tile="ready"><b>${s.ready}</b> ready`);
    expect(doc).toContain(`data-tile="ready-with-conditions"><b>${s.readyWithConditions}</b> ready with conditions`);
    expect(doc).toContain(`data-tile="not-ready"><b>${s.notReady}</b> not ready`);
    expect(doc).toContain(`data-tile="unknown"><b>${s.unknown}</b> unknown`);
    expect([s.vms, s.ready, s.readyWithConditions, s.notReady, s.unknown]).toEqual([25, 14, 5, 5, 1]);
  });

  test('lists the connectors with their verdicts in the summary and in their own section', () => {
    // GIVEN the example's two connectors THEN both are in the summary list and the connectors table
    const summary = doc.slice(doc.indexOf('id="summary"'), doc.indexOf('</section>'));
    expect(summary).toContain('2 connectors: 2 ready');
    for (const c of example.assessment.connectors) {
      expect(summary).toContain(`<li><span class="b v-${c.verdict}">Ready</span> <span class="name">${c.name}</span></li>`);
      expect(doc).toContain(`<tbody class="cn v-${c.verdict}"><tr><th scope="row" class="name">${c.name}</th>`);
    }
  });

  test('has one row per VM with its verdict, license, OS, hypervisor, wave and counts', () => {
    // GIVEN 25 VMs THEN 25 VM bodies, in plan order, each carrying its verdict
    expect(count(doc, '<tbody class="vm ')).toBe(25);
    const names = [...doc.matchAll(/<tbody class="vm [^"]+" data-name="([^"]*)">/g)].map((m) => m[1]);
    expect(names).toEqual(example.assessment.vms.map((v) => v.name));
    for (const vm of example.assessment.vms) {
      expect(doc).toContain(`<tbody class="vm v-${vm.verdict}" data-name="${vm.name}">`);
    }
    // AND a row says what the table promises
    const legacy = vmBody(doc, 'legacy-01');
    expect(legacy).toContain('<span class="b v-not-ready">Not ready</span></td><td class="lic">byol</td><td>RHEL 7.4</td><td>VMware</td>'
      + `<td class="dim">${UNSCHEDULED}</td><td class="n">1</td><td class="n z">0</td><td class="n z">0</td>`);
    expect(vmBody(doc, 'batch-01')).toContain('<td class="n z">0</td><td class="n z">0</td><td class="n">6</td>');
  });

  test('draws the verdicts of each wave with the same numbers as the VMs', () => {
    // GIVEN the VMs counted per wave by the test
    const expected = new Map<string, Record<string, number>>();
    for (const vm of example.assessment.vms) {
      const wave = waveLabel(vm.vm.wave, vm.unscheduled);
      const counts = expected.get(wave) ?? expected.set(wave, {}).get(wave)!;
      counts[vm.verdict] = (counts[vm.verdict] ?? 0) + 1;
    }
    // WHEN the chart rows are read back THEN every wave row has the counts, as text, and a bar per verdict present
    const rows = [...doc.matchAll(/<tr data-wave="([^"]*)">(.*?)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(['wave-1', 'wave-2', UNSCHEDULED]);
    for (const [, wave, row] of rows) {
      const counts = expected.get(wave)!;
      let total = 0;
      for (const verdict of Object.values(Verdict)) {
        const n = counts[verdict] ?? 0;
        total += n;
        expect(row).toContain(`<td class="n v-${verdict}">${n}</td>`);
        expect(row.includes(`<span class="v-${verdict}" style="width:`)).toBe(n > 0);
      }
      expect(row.endsWith(`<td class="n">${total}</td>`)).toBe(true);
    }
    expect(rows.find((r) => r[1] === UNSCHEDULED)![2]).toContain('<td class="n v-not-ready">5</td>');
  });

  test('shows each finding with its rule id, kind, title, message and remediation, errors first', () => {
    // GIVEN hv-web-02 with two errors and information findings
    const vm = example.assessment.vms.find((v) => v.name === 'hv-web-02')!;
    const body = vmBody(doc, vm.name);
    expect(body).toContain('<summary>Findings: 2 errors, 4 informational</summary>');
    for (const f of vm.findings.filter((x) => x.severity === 'error')) {
      const rule = findRule(f.rule)!;
      expect(body).toContain(`<li class="f k-error"><span class="k">error</span><a href="#rule-${f.rule}">${f.rule}</a> `
        + `<span class="t">${html(rule.title)}</span><div class="m">${html(f.message)}</div>`
        + `<div class="fix"><b>Fix:</b> ${html(rule.remediation)}</div></li>`);
    }
    // THEN information comes last, collapsed, linking to the glossary for its remediation rather than repeating it
    const info = body.slice(body.indexOf('<details class="info">'));
    expect(body.indexOf('k-error')).toBeLessThan(body.indexOf('<details class="info">'));
    expect(info).toContain('<summary>4 informational findings: what SMS will change</summary>');
    expect(info).toContain('<li class="f k-info"><span class="k">info</span><a href="#rule-SMS-NET4">SMS-NET4</a>');
    expect(info).not.toContain('Fix:');
    // AND the glossary holds every cited rule once, with its remediation
    for (const id of ['SMS-BOOT2', 'SMS-HV1', 'SMS-NET4']) {
      expect(count(doc, `id="rule-${id}"`)).toBe(1);
      expect(doc).toContain(html(findRule(id)!.remediation));
    }
    expect(doc).not.toContain('id="rule-SMS-CON1"');
  });

  test('opens a VM with only information at once, without a second disclosure', () => {
    // GIVEN web-01 whose findings are all information THEN one details holds them
    const body = vmBody(doc, 'web-01');
    expect(count(body, '<details')).toBe(1);
    expect(body).toContain('<details class="info"><summary>6 informational findings: what SMS will change</summary>');
  });

  test('shows the reason of acknowledged findings', () => {
    // GIVEN db-01's acknowledged SMS-NET1 THEN the reason and where it was written are shown
    const f = example.assessment.vms.find((v) => v.name === 'db-01')!.findings.find((x) => x.rule === 'SMS-NET1')!;
    const body = vmBody(doc, 'db-01');
    expect(body).toContain('<summary>Findings: 1 acknowledged, 5 informational</summary>');
    expect(body).toContain('<li class="f k-acknowledged"><span class="k">acknowledged</span><a href="#rule-SMS-NET1">SMS-NET1</a>');
    expect(body).toContain(`<div class="ack"><b>Acknowledged (${f.acknowledgementScope === 'vm' ? 'in the VM' : 'plan-wide'}):</b> ${html(f.reason!)}</div>`);
  });

  describe('a plan with refused and unused acknowledgements and a failing connector', () => {
    const source = conditionsSource();
    const out = renderHtml([source], { generatedAt: FIXED_NOW });

    test('shows a refused acknowledgement with its note and the reason given', () => {
      // GIVEN an acknowledgement of the hard rule SMS-BOOT3 THEN the error stays and says why it was refused
      const f = source.assessment.vms[0].findings.find((x) => x.rule === 'SMS-BOOT3')!;
      expect(f.note).toBeDefined();
      expect(vmBody(out, 'big-01')).toContain('<li class="f k-error"><span class="k">error</span><a href="#rule-SMS-BOOT3">SMS-BOOT3</a>');
      expect(vmBody(out, 'big-01')).toContain(`<div class="ack refused"><b>acknowledgement refused:</b> ${html(f.note!)}; `
        + 'reason given: the disk shrinks before cutover</div>');
    });

    test('says the license is undecided and the OS not recorded when the facts are missing', () => {
      // GIVEN bare-01 without OS facts THEN its license and OS cells say so
      expect(source.assessment.vms[1].license).toBeUndefined();
      expect(vmBody(out, 'bare-01')).toContain('<td class="dim">undecided</td><td><span class="dim">not recorded</span></td>');
    });

    test('shows the connector findings the way it shows VM findings', () => {
      // GIVEN a connector with 4 GiB of memory THEN its row is not ready and holds SMS-CON3 with its remediation
      const c = source.assessment.connectors[0];
      expect(c.verdict).toBe(Verdict.NOT_READY);
      const body = out.slice(out.indexOf('<tbody class="cn v-not-ready">'));
      expect(body).toContain(`<a href="#rule-SMS-CON3">SMS-CON3</a> <span class="t">${html(findRule('SMS-CON3')!.title)}</span>`);
      expect(body).toContain(html(findRule('SMS-CON3')!.remediation));
    });

    test('lists the unused acknowledgements', () => {
      // GIVEN one unused VM acknowledgement and one unused plan-wide one THEN both rows are in their section
      expect(source.assessment.unusedAcknowledgements).toHaveLength(2);
      const section = out.slice(out.indexOf('<h2>Unused acknowledgements</h2>'));
      expect(section).toContain('<tr><td><a href="#rule-SMS-OS1">SMS-OS1</a></td><td>VM <span class="name">big-01</span></td><td>kept from last year</td></tr>');
      expect(section).toContain('<tr><td><a href="#rule-SMS-NET2">SMS-NET2</a></td><td>plan-wide, for <code class="name">web-*</code></td>'
        + '<td>no IPv6 here</td></tr>');
      expect(out).toContain('id="rule-SMS-OS1"');
    });

    test('says where unused acknowledgements given in code or with CDK were given', () => {
      // GIVEN an unused acknowledgement given in code on App/Migration and one given with CDK
      const unused = [
        { rule: 'SMS-NET1', reason: 'in code', scope: AcknowledgementScope.PLAN, origin: AcknowledgementOrigin.CODE, at: 'App/Migration' },
        { rule: 'SMS-NET3', reason: 'with CDK', scope: AcknowledgementScope.PLAN, origin: AcknowledgementOrigin.CDK, vms: ['db-*'] },
      ];
      // WHEN rendered
      const page = renderHtml([{ ...source, assessment: { ...source.assessment, unusedAcknowledgements: unused } }], { generatedAt: FIXED_NOW });
      // THEN their rows name code and CDK, not the plan
      const section = page.slice(page.indexOf('<h2>Unused acknowledgements</h2>'));
      expect(section).toContain('<tr><td><a href="#rule-SMS-NET1">SMS-NET1</a></td><td>given in code on <span class="name">App/Migration</span></td>'
        + '<td>in code</td></tr>');
      expect(section).toContain('<tr><td><a href="#rule-SMS-NET3">SMS-NET3</a></td><td>given with CDK\'s acknowledgement, for '
        + '<code class="name">db-*</code></td><td>with CDK</td></tr>');
    });

    test('leaves out the unused acknowledgements section when there are none', () => {
      // GIVEN the example, which has none THEN no such section
      expect(example.assessment.unusedAcknowledgements).toHaveLength(0);
      expect(doc).not.toContain('Unused acknowledgements');
    });
  });

  describe('several plans', () => {
    const sources = [example, conditionsSource(), exampleSource({ unknown: UnknownPolicy.ERROR })];
    const out = renderHtml(sources, { generatedAt: FIXED_NOW });

    test('sum the summary across plans and give each plan a section headed by its file', () => {
      // GIVEN three plans THEN the tiles add them up
      const sum = (key: 'vms' | 'ready' | 'notReady') => sources.reduce((n, s) => n + s.assessment.summary[key], 0);
      expect(out).toContain(`data-tile="vms"><b>${sum('vms')}</b> VMs`);
      expect(out).toContain(`data-tile="ready"><b>${sum('ready')}</b> ready`);
      expect(out).toContain(`data-tile="not-ready"><b>${sum('notReady')}</b> not ready`);
      expect(count(out, '<tbody class="vm ')).toBe(sum('vms'));
      // AND each plan has its section, its heading, its wave chart and a row in the plans table
      sources.forEach((s, i) => {
        expect(out).toContain(`<section class="plan" id="plan-${i + 1}"><h2>Plan <span class="name">${s.file}</span></h2>`);
        expect(out).toContain(`<th scope="row" class="name"><a href="#plan-${i + 1}">${s.file}</a></th><td class="n">${s.assessment.summary.vms}</td>`);
      });
      expect(count(out, '<table class="waves">')).toBe(3);
      expect(out).toContain('Missing facts are reported as errors.');
    });

    test('keep every element id unique', () => {
      // GIVEN plans citing the same rules THEN the glossary is shared and no id repeats
      const ids = [...out.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });

  describe('hostile text', () => {
    const hostile = hostileSource();
    const out = renderHtml([hostile, example], { generatedAt: FIXED_NOW });

    test('is escaped everywhere: no markup, no quote breaks out of an attribute', () => {
      // GIVEN names, a wave, a connector, a file and a reason made of markup THEN none of it is markup
      expect(out).not.toContain('<script>alert');
      expect(out).not.toContain('</script> &');
      expect(count(out, '<script')).toBe(1);
      const shown = html(HOSTILE_TEXT).replace(/\u0001/g, '\\u0001').replace(/\u0007/g, '\\u0007').replace(/\u001b/g, '\\u001b')
        .replace(/\u202e/g, '\\u202e');
      expect(out).toContain(`data-name="vm-${shown}"`);
      expect(out).toContain(`<tr data-wave="wave-${shown}">`);
      expect(out).toContain(`<span class="name">conn-${shown}</span>`);
      expect(out).toContain(`<code class="name">plans/${shown}.json</code>`);
      expect(out).toContain(`<a href="#plan-1">plans/${shown}.json</a>`);
      expect(out).toContain(`<b>Acknowledged (in the VM):</b> reason ${shown}</div>`);
      // AND every attribute value is free of what could end it or open a tag (but the CSP's own keywords)
      for (const [, value] of out.matchAll(/\s[\w-]+="([^"]*)"/g)) {
        expect(value.replace(/'(none|unsafe-inline|sha256-[\w+/=]+)'/g, '')).not.toMatch(/[<>']/);
      }
      // AND every tag opened is one the renderer writes
      const tags = new Set([...out.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase()));
      expect([...tags].filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
    });

    test('shows control characters and bidi overrides as visible escapes, never raw', () => {
      // GIVEN \u0001, \u0007, ESC and U+202E in the names THEN none is in the document

      expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
      expect(out).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
      expect(out).toContain('\\u0001\\u0007\\u001b[31m \\u202e');
    });

    test('replaces other bidi controls and lone surrogates', () => {
      // GIVEN an isolate, an embedding, DEL, a C1 control and a lone surrogate in a VM name
      const source = hostileSource();
      const vm = { ...source.assessment.vms[0], name: 'x\u2066y\u202az\u007f\u0085\ud800!' };
      const out2 = renderHtml([{ ...source, assessment: { ...source.assessment, vms: [vm] } }], { generatedAt: FIXED_NOW });
      // THEN each becomes visible text, the surrogate U+FFFD
      expect(out2).toContain('data-name="x\\u2066y\\u202az\\u007f\\u0085\ufffd!"');
    });
  });

  test('allows only its own script, by a hash that matches it', () => {
    // GIVEN the document's one inline script WHEN its hash is recomputed THEN the CSP names that hash and no other source
    const script = doc.match(/<script>([\s\S]*?)<\/script>/)![1];
    const hash = createHash('sha256').update(script, 'utf8').digest('base64');
    const csp = doc.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)![1];
    expect(csp).toBe(`default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:; base-uri 'none'; form-action 'none'`);
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('<style>'));
    // AND the script reads names from the page, never writes markup
    expect(script).toContain("getAttribute('data-name')");
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/);
  });

  test('refers to nothing outside itself', () => {
    // GIVEN the example and the hostile plans THEN no source, link, import or url() leaves the document
    const out = renderHtml([example, hostileSource()], { generatedAt: FIXED_NOW });
    expect(out).not.toMatch(/\b(src|href|action|srcset|poster|data)\s*=\s*["']?\s*(https?:|\/\/|ftp:|file:)/i);
    expect(out).not.toMatch(/@import/i);
    expect(out).not.toMatch(/<(img|iframe|object|embed|video|audio|source|base|form)\b/i);
    for (const [, target] of out.matchAll(/url\(\s*["']?([^)"']*)/gi)) {
      expect(target).toMatch(/^data:/);
    }
    for (const [, target] of out.matchAll(/\b(?:src|href)="([^"]*)"/g)) {
      expect(target).toMatch(/^(#|data:)/);
    }
  });

  test('renders the filter controls for every verdict, and the search box hidden for the script to show', () => {
    // GIVEN the example THEN a radio per verdict, All checked, precedes the controls and the plans
    const radios = [...doc.matchAll(/<input class="f" type="radio" name="verdict" id="f-([\w-]+)"( checked)?>/g)];
    expect(radios.map((m) => m[1])).toEqual(['all', 'ready', 'ready-with-conditions', 'not-ready', 'unknown']);
    expect(radios.map((m) => Boolean(m[2]))).toEqual([true, false, false, false, false]);
    expect(doc.indexOf('id="f-unknown"')).toBeLessThan(doc.indexOf('<div class="controls">'));
    expect(doc.indexOf('<div class="controls">')).toBeLessThan(doc.indexOf('<div class="plans">'));
    expect(doc).toContain('#f-not-ready:checked~.plans tbody.vm:not(.v-not-ready){display:none}');
    expect(doc).toContain('<label for="f-not-ready">Not ready <span class="dim">5</span></label>');
    expect(doc).toContain('<div class="search" id="search" hidden>');
  });

  test('renders an empty plan without dividing by zero', () => {
    // GIVEN an assessment of no VMs
    const empty: PlanAssessment = {
      summary: { vms: 0, ready: 0, readyWithConditions: 0, notReady: 0, unknown: 0 },
      vms: [], connectors: [], unusedAcknowledgements: [], policy: { unknown: UnknownPolicy.WARN, strict: false },
    };
    const out = renderHtml([{ file: 'empty.json', assessment: empty }], { generatedAt: FIXED_NOW });
    // THEN the tiles say 0 and no NaN or Infinity appears
    expect(out).toContain('data-tile="vms"><b>0</b> VMs');
    expect(out).not.toMatch(/NaN|Infinity/);
    expect(count(out, '<tbody class="vm ')).toBe(0);
  });

  test('renders a plan of 10,000 VMs', () => {
    // GIVEN a generated plan of 10,000 VMs
    const loaded = parsePlan(JSON.stringify(generatePlan(10_000)), 'big.json', { ruleIds: new Set(RULE_IDS) });
    const assessment = assessPlan(loaded.plan, { now: FIXED_NOW });
    // WHEN it is rendered
    const out = renderHtml([{ file: 'big.json', assessment }], { generatedAt: FIXED_NOW });
    // THEN every VM has its row and the page stays within tens of MB
    expect(count(out, '<tbody class="vm ')).toBe(10_000);
    expect(out.length).toBeLessThan(50_000_000);
    expect(out.endsWith('</html>\n')).toBe(true);
    // AND the VM table comes in 50 chunks of 200 rows, each sized for its rows until the browser lays it out
    const chunks = out.split('<div class="vm-chunk"').slice(1);
    expect(chunks).toHaveLength(50);
    expect(chunks.every((chunk) => count(chunk.split('</table></div>')[0], '<tbody class="vm ') === 200)).toBe(true);
    expect(chunks[0]).toMatch(/^ style="contain-intrinsic-size:auto 8800px">/);
  }, 60_000);

  test('puts the last, shorter chunk\'s rows in a chunk sized for them', () => {
    // GIVEN 450 VMs WHEN rendered THEN chunks of 200, 200 and 50 rows
    const vms = Array.from({ length: 450 }, (_, i) => ({ ...readyLinuxVm(`lnx-${i}`), source: { vmId: `vm-${i}` } }));
    const loaded = parsePlan(JSON.stringify(planOf(vms)), 'p.json', { ruleIds: new Set(RULE_IDS) });
    const out = renderHtml([{ file: 'p.json', assessment: assessPlan(loaded.plan, { now: FIXED_NOW }) }], { generatedAt: FIXED_NOW });
    const chunks = out.split('<div class="vm-chunk"').slice(1).map((chunk) => chunk.split('</table></div>')[0]);
    expect(chunks.map((chunk) => count(chunk, '<tbody class="vm '))).toEqual([200, 200, 50]);
    expect(chunks[2]).toMatch(/^ style="contain-intrinsic-size:auto 2200px">/);
    // AND every chunk has the same columns, so that they line up
    expect(chunks.every((chunk) => chunk.includes('<colgroup>') && chunk.includes('<thead>'))).toBe(true);
  });
});

/** The elements the renderer writes; anything else in a document came from the data. */
const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'link', 'title', 'style', 'body', 'header', 'h1', 'h2', 'h3', 'p', 'span', 'code', 'time',
  'main', 'section', 'ul', 'li', 'b', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'div', 'input', 'label', 'output', 'details',
  'summary', 'a', 'dl', 'dt', 'dd', 'footer', 'script', 'colgroup', 'col',
]);
