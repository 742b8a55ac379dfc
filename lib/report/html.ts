import { createHash } from 'crypto';
import { AssessmentSummary, Finding, PlanAssessment, UnusedAcknowledgement, Verdict } from '../assessment/types';
import { describeOs } from '../plan/model/os';
import { RuleInfo } from '../assessment/rule-info';
import { assessedRule } from '../rules/packs';
import { escapeHtml } from './html-escape';
import { HTML_SCRIPT } from './html-script';
import { HTML_STYLE } from './html-style';
import { controls, tiles, verdictLabel } from './html-summary';
import {
  countVerdicts, describeVerdicts, plural, sumSummaries, summaryVerdicts, tallyWaves, unusedAcknowledgementPlace, VERDICT_WORDS, VERDICTS,
} from './helpers';
import { countKinds, FindingKind, findingKind, inWave, RenderOptions, ReportSource, sortFindings, toolVersion, waveLabel } from './source';
import { collapseMissingSections, missingSectionText, REFUSED_LABEL, refusedAcknowledgement, UNDECIDED_LICENSE, VmSection } from './finding-text';
import { maxOf } from '../private/arrays';
import {
  catalogueOf, detailsText, hasVmDetails, isSmsAssessment, NETWORK_NAME, notCarriedOf, notCarriedPlace, notCarriedSentence, organizationLine,
  reportTitle, serviceShortName, targetLine, viaText,
} from './target-text';

/** Plan text as the page shows it, in element content and attribute values alike. */
const esc = escapeHtml;

const BADGES = new Map(VERDICTS.map((v) => [v as string, `<span class="b v-${v}">${verdictLabel(v)}</span>`]));
const HYPERVISORS: Record<string, string> = { vmware: 'VMware', hyperv: 'Hyper-V' };
const VM_COLUMNS = 9;

function badge(verdict: Verdict): string {
  return BADGES.get(verdict) ?? `<span class="b">${esc(verdict)}</span>`;
}

/** The numeric cell of a count: zeros are greyed so that the non-zero counts stand out. */
function countCell(n: number): string {
  return n === 0 ? '<td class="n z">0</td>' : `<td class="n">${n}</td>`;
}

/** What the report collects while it renders: the rules that findings point at, for the glossary. */
interface Context {
  readonly out: string[];
  readonly rules: Set<string>;
  /** The short name of the service of the plan being rendered: `SMS`, `MGN`. */
  service: string;
  /** The assessment being rendered: its organisation packs' rules describe its findings. */
  assessment?: PlanAssessment;
  /** The rules of every assessment, as they judged, for the glossary. */
  readonly catalogue: readonly RuleInfo[];
}

function ruleLink(ctx: Context, id: string): string {
  ctx.rules.add(id);
  return `<a href="#rule-${esc(id)}">${esc(id)}</a>`;
}

/** The acknowledgement line of a finding: who accepted it and why, or why the acceptance was refused. */
function acknowledgement(f: Finding): string {
  const refused = refusedAcknowledgement(f, esc);
  if (refused !== undefined) {
    return `<div class="ack refused"><b>${REFUSED_LABEL}:</b>${refused.slice(REFUSED_LABEL.length + 1)}</div>`;
  }
  if (f.acknowledged || f.reason !== undefined) {
    const scope = f.acknowledgementScope !== undefined ? ` (${f.acknowledgementScope === 'vm' ? 'in the VM' : 'plan-wide'})` : '';
    const via = esc(viaText(f));
    return `<div class="ack"><b>Acknowledged${scope}${via}:</b> ${esc(f.reason ?? '')}</div>`;
  }
  return '';
}

/**
 * One finding. Findings to act on carry their rule's remediation inline, where the reader decides;
 * information findings (on nearly every VM, the same few rules) link to the glossary for it, which
 * keeps a 10,000-VM report at a few tens of MB instead of repeating the same sentences 60,000 times.
 */
function finding(ctx: Context, f: Finding, kind: FindingKind): string {
  const rule = assessedRule(f.rule, ctx.assessment);
  const title = rule ? ` <span class="t">${esc(rule.title)}</span>` : '';
  const fix = rule && kind !== FindingKind.INFO ? `<div class="fix"><b>Fix:</b> ${esc(rule.remediation)}</div>` : '';
  return `<li class="f k-${kind}"><span class="k">${kind}</span>${ruleLink(ctx, f.rule)}${title}`
    + `<div class="m">${esc(f.message)}</div>${fix}${acknowledgement(f)}</li>`;
}

/** The findings of a VM or connector as a `<details>` (no script needed), information collapsed below. */
/** The rules a section left out of the plan leaves unknown: one item, rather than one per rule. */
function missingSectionItem(ctx: Context, section: VmSection, findings: readonly Finding[]): string {
  const kind = findingKind(findings[0]);
  return `<li class="f k-${kind} ms"><span class="k">${kind}</span><b>${esc(missingSectionText(section, findings.length))}</b>`
    + `<div class="m">${findings.map((f) => ruleLink(ctx, f.rule)).join(', ')}: add the VM's <code>${section}</code> to the plan</div></li>`;
}

function findingsBlock(ctx: Context, findings: readonly Finding[], vm?: PlanAssessment['vms'][number]): string {
  const counts = countKinds(findings);
  const parts: string[] = [];
  for (const [kind, one, many] of [
    [FindingKind.ERROR, 'error'], [FindingKind.WARNING, 'warning'], [FindingKind.UNKNOWN, 'unknown'],
    [FindingKind.ACKNOWLEDGED, 'acknowledged', 'acknowledged'], [FindingKind.INFO, 'informational', 'informational'],
  ] as const) {
    if (counts[kind] > 0) {
      parts.push(plural(counts[kind], one, many));
    }
  }
  const main: string[] = [];
  const info: string[] = [];
  for (const entry of collapseMissingSections(vm?.vm, sortFindings(findings))) {
    if ('section' in entry) {
      main.push(missingSectionItem(ctx, entry.section, entry.findings));
      continue;
    }
    const kind = findingKind(entry.finding);
    (kind === FindingKind.INFO ? info : main).push(finding(ctx, entry.finding, kind));
  }
  const infoSummary = `${plural(info.length, 'informational finding')}: what ${esc(ctx.service)} will change`;
  if (main.length === 0) {
    // Only information: one click opens it, rather than a details within a details.
    return `<details class="info"><summary>${infoSummary}</summary><ul class="fl">${info.join('')}</ul></details>`;
  }
  const infoList = info.length > 0 ? `<details class="info"><summary>${infoSummary}</summary><ul class="fl">${info.join('')}</ul></details>` : '';
  return `<details><summary>Findings: ${parts.join(', ')}</summary><ul class="fl">${main.join('')}</ul>${infoList}</details>`;
}

/** A VM's or connector's rows: a `<tbody>` so that the filter and the search hide both at once. */
function subjectBody(ctx: Context, attrs: string, cells: string, findings: readonly Finding[], columns: number,
  vm?: PlanAssessment['vms'][number]): void {
  const details = findings.length > 0 ? `<tr class="fr"><td colspan="${columns}">${findingsBlock(ctx, findings, vm)}</td></tr>` : '';
  ctx.out.push(`<tbody ${attrs}><tr>${cells}</tr>${details}</tbody>\n`);
}

function osText(vm: PlanAssessment['vms'][number]): string {
  // describeOs is phrased for messages ("the OS" when nothing is known); a table cell says it plainly.
  const os = describeOs(vm.vm.os);
  return os === 'the OS' ? '<span class="dim">not recorded</span>' : esc(os.replace(/^the /, ''));
}

function hypervisor(value: string | undefined): string {
  return value === undefined ? '<span class="dim">not recorded</span>' : esc(HYPERVISORS[value] ?? value);
}

/** The VM table's head, with fixed column widths so that the tables of every chunk line up. */
const VM_TABLE_HEAD = vmTableHead(false);

/** The VM table's head of a plan whose VMs have details: a column for them after the wave's. */
const VM_TABLE_HEAD_DETAILS = vmTableHead(true);

function vmTableHead(details: boolean): string {
  // The details column's width is inline (the page's styles allow inline style): the stylesheet, and so every
  // SMS report, stays as it was; the other columns give up their share in proportion.
  return '<table class="vms"><colgroup><col class="c-name"><col class="c-verdict"><col class="c-lic"><col class="c-os">'
    + `<col class="c-hv"><col class="c-wave">${details ? '<col class="c-det" style="width:13%">' : ''}<col class="c-n"><col class="c-n"><col class="c-n"></colgroup>`
    + '<thead><tr><th scope="col">VM</th><th scope="col">Verdict</th><th scope="col">License</th>'
    + '<th scope="col">OS</th><th scope="col">Hypervisor</th><th scope="col">Wave</th>'
    + `${details ? '<th scope="col">Method, tenancy, date</th>' : ''}<th scope="col" class="n">Errors</th>`
    + '<th scope="col" class="n">Warnings</th><th scope="col" class="n">Unknowns</th></tr></thead>\n';
}

/**
 * VMs per table. One table of 10,000 VMs takes a browser seconds to lay out, again and again while
 * it parses; tables of a few hundred rows in blocks the browser lays out only when they come into
 * view (`content-visibility: auto`) open a 10,000-VM report about four times faster.
 */
const VMS_PER_CHUNK = 200;

/** The height a chunk is assumed to have until it is laid out, so that the scroll bar is about right. */
const ROW_HEIGHT_PX = 44;

function vmTable(ctx: Context, assessment: PlanAssessment): void {
  const out = ctx.out;
  const withDetails = hasVmDetails(assessment);
  const head = withDetails ? VM_TABLE_HEAD_DETAILS : VM_TABLE_HEAD;
  const columns = VM_COLUMNS + (withDetails ? 1 : 0);
  assessment.vms.forEach((vm, index) => {
    if (index % VMS_PER_CHUNK === 0) {
      if (index > 0) {
        out.push('</table></div>\n');
      }
      const rows = Math.min(VMS_PER_CHUNK, assessment.vms.length - index);
      out.push(`<div class="vm-chunk" style="contain-intrinsic-size:auto ${rows * ROW_HEIGHT_PX}px">${head}`);
    }
    const counts = countKinds(vm.findings);
    const license = vm.license !== undefined ? `<td class="lic">${esc(vm.license)}</td>` : `<td class="dim">${UNDECIDED_LICENSE}</td>`;
    const wave = inWave(vm.vm.wave) ? `<td>${esc(vm.vm.wave)}</td>` : `<td class="dim">${esc(waveLabel(vm.vm.wave, vm.unscheduled))}</td>`;
    const name = esc(vm.name);
    const details = withDetails ? `<td class="det">${esc(detailsText(vm.details))}</td>` : '';
    subjectBody(ctx, `class="vm v-${esc(vm.verdict)}" data-name="${name}"`,
      `<th scope="row" class="name">${name}</th><td>${badge(vm.verdict)}</td>${license}<td>${osText(vm)}</td>`
      + `<td>${hypervisor(vm.vm.hypervisor)}</td>${wave}${details}${countCell(counts.error)}${countCell(counts.warning)}${countCell(counts.unknown)}`,
      vm.findings, columns, vm);
  });
  out.push(assessment.vms.length > 0 ? '</table></div>\n' : `<div class="vm-chunk">${head}</table></div>\n`);
}

/** The verdicts of each wave as a stacked bar, beside the same counts as text (the bar is decoration). */
function waveChart(ctx: Context, assessment: PlanAssessment, heading: string): void {
  const waves = tallyWaves(assessment.vms);
  const largest = maxOf(waves.map((tally) => tally.vms), 1);
  ctx.out.push(`${heading}<table class="waves"><thead><tr><th scope="col">Wave</th><th scope="col" class="chart" aria-hidden="true"></th>`,
    ...VERDICTS.map((v) => `<th scope="col" class="n v-${v}">${verdictLabel(v)}</th>`), '<th scope="col" class="n">VMs</th></tr></thead><tbody>\n');
  for (const { wave, vms, verdicts } of waves) {
    const segments = VERDICTS.filter((v) => verdicts[v] > 0).map((v) => {
      const n = verdicts[v];
      return `<span class="v-${v}" style="width:${(100 * n / vms).toFixed(2)}%" title="${n} ${VERDICT_WORDS[v]}"></span>`;
    });
    ctx.out.push(`<tr data-wave="${esc(wave)}"><th scope="row" class="name">${esc(wave)}</th><td class="chart" aria-hidden="true">`
      + `<div class="bar" style="width:${(100 * vms / largest).toFixed(2)}%">${segments.join('')}</div></td>`
      + VERDICTS.map((v) => `<td class="n v-${v}">${verdicts[v]}</td>`).join('')
      + `<td class="n">${vms}</td></tr>\n`);
  }
  ctx.out.push('</tbody></table>\n');
}

function connectorsSection(ctx: Context, assessment: PlanAssessment, h: string): void {
  if (assessment.connectors.length === 0) {
    return;
  }
  ctx.out.push(`<${h}>Connectors</${h}><table class="cons-t"><thead><tr><th scope="col">Connector</th><th scope="col">Verdict</th>`
    + '<th scope="col">Hypervisor</th><th scope="col" class="n">Errors</th><th scope="col" class="n">Warnings</th>'
    + '<th scope="col" class="n">Unknowns</th></tr></thead>\n');
  for (const c of assessment.connectors) {
    const counts = countKinds(c.findings);
    subjectBody(ctx, `class="cn v-${esc(c.verdict)}"`, `<th scope="row" class="name">${esc(c.name)}</th><td>${badge(c.verdict)}</td>`
      + `<td>${hypervisor(c.connector.hypervisor)}</td>${countCell(counts.error)}${countCell(counts.warning)}${countCell(counts.unknown)}`,
    c.findings, 6);
  }
  ctx.out.push('</table>\n');
}

/** The plan's network (MGN's staging area), judged once per plan: a table of one row, like the connectors'. */
function networkSection(ctx: Context, assessment: PlanAssessment, h: string): void {
  const network = assessment.network;
  if (network === undefined) {
    return;
  }
  const counts = countKinds(network.findings);
  ctx.out.push(`<${h}>Network</${h}><table class="cons-t net-t"><thead><tr><th scope="col">Subject</th><th scope="col">Verdict</th>`
    + '<th scope="col" class="n">Errors</th><th scope="col" class="n">Warnings</th><th scope="col" class="n">Unknowns</th></tr></thead>\n');
  subjectBody(ctx, `class="cn nw v-${esc(network.verdict)}"`, `<th scope="row" class="name">${NETWORK_NAME}</th><td>${badge(network.verdict)}</td>`
    + `${countCell(counts.error)}${countCell(counts.warning)}${countCell(counts.unknown)}`, network.findings, 5);
  ctx.out.push('</table>\n');
}

/** Acknowledgements of another service's rules that do not count for this plan's: listed, never applied. */
function notCarriedSection(ctx: Context, assessment: PlanAssessment, h: string): void {
  const notCarried = notCarriedOf(assessment);
  if (notCarried.length === 0) {
    return;
  }
  ctx.out.push(`<${h}>Not carried</${h}><p class="dim">${esc(notCarriedSentence(assessment))}</p>`
    + '<table class="unused not-carried"><thead><tr><th scope="col">Rule</th><th scope="col">Where</th><th scope="col">Reason</th></tr></thead><tbody>\n',
  ...notCarried.map((ack) => `<tr><td>${ruleLink(ctx, ack.rule)}</td><td>${notCarriedPlace(ack, (name) => `<span class="name">${esc(name)}</span>`)}</td>`
    + `<td>${esc(ack.reason)}</td></tr>\n`),
  '</tbody></table>\n');
}

/** The cell that says where an unused acknowledgement was given: `VM web-01`, `plan-wide, for db-*`, `given in code on App/Migration`. */
function ackWhere(ack: UnusedAcknowledgement): string {
  return unusedAcknowledgementPlace(ack, {
    show: (name) => `<span class="name">${esc(name)}</span>`,
    showGlob: (glob) => `<code class="name">${esc(glob)}</code>`,
    cell: true,
  });
}

function unusedSection(ctx: Context, assessment: PlanAssessment, h: string): void {
  const unused = assessment.unusedAcknowledgements;
  if (unused.length === 0) {
    return;
  }
  ctx.out.push(`<${h}>Unused acknowledgements</${h}><p class="dim">They match no finding: the fact they accepted may have changed.</p>`
    + '<table class="unused"><thead><tr><th scope="col">Rule</th><th scope="col">Where</th><th scope="col">Reason</th></tr></thead><tbody>\n',
  ...unused.map((ack) => `<tr><td>${ruleLink(ctx, ack.rule)}</td><td>${ackWhere(ack)}</td><td>${esc(ack.reason)}</td></tr>\n`),
  '</tbody></table>\n');
}

function policyText(assessment: PlanAssessment): string {
  const unknown = assessment.policy.unknown === 'error' ? 'errors' : 'warnings';
  const judgedFor = targetLine(assessment);
  const organization = organizationLine(assessment);
  return `${judgedFor !== undefined ? `${esc(judgedFor)}. ` : ''}${organization !== undefined ? `${esc(organization)}. ` : ''}`
    + `Missing facts are reported as ${unknown}${assessment.policy.strict ? '; strict: warnings fail too' : ''}.`;
}

function summarySection(ctx: Context, sources: readonly ReportSource[], total: AssessmentSummary): void {
  const out = ctx.out;
  out.push('<section id="summary" aria-labelledby="h-summary"><h2 id="h-summary">Summary</h2>\n', tiles(total));
  const connectors = sources.flatMap((s) => s.assessment.connectors);
  if (connectors.length > 0) {
    const byVerdict = describeVerdicts(countVerdicts(connectors), { omitZero: true });
    out.push(`<h3>${plural(connectors.length, 'connector')}: ${byVerdict}</h3><ul class="cons">`,
      ...connectors.map((c) => `<li>${badge(c.verdict)} <span class="name">${esc(c.name)}</span></li>`), '</ul>\n');
  }
  if (sources.length === 1) {
    out.push(`<p class="dim">${policyText(sources[0].assessment)}</p>\n`);
    waveChart(ctx, sources[0].assessment, '<h3>Verdicts per wave</h3>');
  } else {
    out.push('<h3>Plans</h3><table class="plans-t"><thead><tr><th scope="col">Plan</th><th scope="col" class="n">VMs</th>',
      ...VERDICTS.map((v) => `<th scope="col" class="n">${verdictLabel(v)}</th>`), '</tr></thead><tbody>\n');
    sources.forEach((s, i) => {
      const summary = s.assessment.summary;
      const counts = summaryVerdicts(summary);
      out.push(`<tr><th scope="row" class="name"><a href="#plan-${i + 1}">${esc(s.file)}</a></th><td class="n">${summary.vms}</td>`
        + VERDICTS.map((v) => countCell(counts[v])).join('') + '</tr>\n');
    });
    out.push('</tbody></table>\n');
  }
  out.push('</section>\n');
}

function glossary(ctx: Context): void {
  const cited = ctx.catalogue.filter((r) => ctx.rules.has(r.id));
  const listed = new Set(cited.map((r) => r.id));
  // A rule of a pack none of the plans was judged by is still described, when the library has it.
  const others = [...ctx.rules].filter((id) => !listed.has(id)).map((id) => assessedRule(id)).filter((r): r is RuleInfo => r !== undefined);
  const known = [...cited, ...others];
  const strays = [...ctx.rules].filter((id) => !listed.has(id) && assessedRule(id) === undefined);
  if (known.length === 0 && strays.length === 0) {
    return;
  }
  ctx.out.push('<section id="rules" class="rules" aria-labelledby="h-rules"><h2 id="h-rules">Rules</h2>'
    + '<p class="dim">The rules this report cites: what each requires, why, and what to do.</p><dl>\n');
  for (const r of known) {
    const by = r.hardBy !== undefined ? ` (the ${r.hardBy} rule pack)` : '';
    const hard = r.hard && r.severity !== 'info' ? `; hard: an error cannot be acknowledged${by}` : '';
    ctx.out.push(`<div id="rule-${esc(r.id)}"><dt><code>${esc(r.id)}</code> ${esc(r.title)}</dt><dd>${esc(r.explanation)}</dd>`
      + `<dd><b>Fix:</b> ${esc(r.remediation)}</dd><dd class="dim">${esc(r.section)}; ${esc(r.severity)}${hard}</dd></div>\n`);
  }
  for (const id of strays) {
    ctx.out.push(`<div id="rule-${esc(id)}"><dt><code>${esc(id)}</code></dt><dd>Not a rule of this version's catalogue.</dd></div>\n`);
  }
  ctx.out.push('</dl></section>\n');
}

/**
 * Renders assessments as one self-contained HTML5 page for people: summary tiles, verdicts per
 * wave, a table of VMs with their findings, connectors, unused acknowledgements and the rules cited.
 *
 * The page needs nothing else: no external asset, font or request, so it works offline from a
 * file or a mail attachment. Its Content-Security-Policy allows no source at all, inline styles,
 * and only the report's own script by hash, so that text from a plan can never run even if it
 * slipped past the escaping. The verdict filter is CSS (radios) and works with scripts disabled;
 * only the search by name needs the script, and its box stays hidden without it. Printing hides
 * the controls, shows every VM whatever the filter, and opens every finding.
 *
 * @example fs.writeFileSync('report.html', renderHtml([{ file: 'plan.json', assessment: assessPlan(plan) }]));
 */
export function renderHtml(sources: readonly ReportSource[], options: RenderOptions = {}): string {
  const generatedAt = (options.generatedAt ?? new Date()).toISOString();
  const version = toolVersion();
  const scriptHash = createHash('sha256').update(HTML_SCRIPT, 'utf8').digest('base64');
  const ctx: Context = { out: [], rules: new Set(), service: 'SMS', catalogue: catalogueOf(sources.map((s) => s.assessment)) };
  const title = esc(reportTitle(sources.map((s) => s.assessment)));
  const out = ctx.out;
  const total = sumSummaries(sources);
  const several = sources.length > 1;
  const files = sources.map((s) => `<code class="name">${esc(s.file)}</code>`).join(', ');
  const what = sources.length === 1 ? esc(sources[0].file) : plural(sources.length, 'plan');

  out.push('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; `
    + 'img-src data:; base-uri \'none\'; form-action \'none\'">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="referrer" content="no-referrer">\n',
    `<meta name="generator" content="cdk-sms-migration ${esc(version)}">\n<link rel="icon" href="data:,">\n`,
    `<title>${title}: ${what}</title>\n<style>${HTML_STYLE}</style>\n</head>\n<body>\n`,
    `<header class="top"><h1>${title}</h1><p class="meta"><span>${several ? 'Plans' : 'Plan'} ${files}</span>`
    + `<span>Generated <time datetime="${generatedAt}">${generatedAt}</time></span><span>cdk-sms-migration ${esc(version)}</span></p></header>\n`,
    '<main>\n');
  summarySection(ctx, sources, total);
  out.push(controls(total), '<div class="plans">\n');
  const h = several ? 'h3' : 'h2';
  sources.forEach((source, i) => {
    const a = source.assessment;
    ctx.service = serviceShortName(a);
    ctx.assessment = a;
    out.push(`<section class="plan" id="plan-${i + 1}">`);
    if (several) {
      const s = a.summary;
      out.push(`<h2>Plan <span class="name">${esc(source.file)}</span></h2><p class="dim">${plural(s.vms, 'VM')}: `
        + `${describeVerdicts(summaryVerdicts(s))}. ${policyText(a)}</p>\n`);
      waveChart(ctx, a, '<h3>Verdicts per wave</h3>');
    }
    out.push(`<${h}>VMs</${h}>\n`);
    vmTable(ctx, a);
    networkSection(ctx, a, h);
    connectorsSection(ctx, a, h);
    unusedSection(ctx, a, h);
    notCarriedSection(ctx, a, h);
    out.push('</section>\n');
  });
  out.push('</div>\n');
  glossary(ctx);
  out.push(`</main>\n<footer>Made by cdk-sms-migration ${esc(version)} at <time datetime="${generatedAt}">${generatedAt}</time> `
    + `from ${files}.${sources.length === 0 || sources.some((s) => isSmsAssessment(s.assessment))
      ? ' AWS has deprecated SMS in favour of Application Migration Service.' : ''}</footer>\n`,
  `<script>${HTML_SCRIPT}</script>\n</body>\n</html>\n`);
  return out.join('');
}
