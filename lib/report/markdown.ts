import { ConnectorAssessment, Finding, PlanAssessment, UnusedAcknowledgement, Verdict, VmAssessment } from '../assessment/types';
import { describeOs } from '../plan/model/os';
import { visibleEscape } from '../private/visible-controls';
import { countVerdicts, pluralForm, sumSummaries, summaryVerdicts, tallyWaves, unusedAcknowledgementPlace, VERDICT_WORDS, VERDICTS } from './helpers';
import { collapseMissingSections, missingSectionText, refusedAcknowledgement, UNDECIDED_LICENSE } from './finding-text';
import { FindingKind, findingKind, RenderOptions, ReportSource, sortFindings, waveLabel } from './source';
import { FitGroup, FitPart, fitWithin, group, keep } from './length-fit';
import {
  detailsText, hasVmDetails, notCarriedOf, notCarriedPlace, notCarriedSentence, organizationLine, reportTitle, serviceShortName, targetLine,
  viaText,
} from './target-text';

/** Options for the Markdown report. */
export interface MarkdownOptions extends RenderOptions {
  /**
   * The longest report to return, in UTF-16 code units (JavaScript's `length`, which is how code hosts
   * count a comment's characters). A report that would be longer leaves out its least important rows
   * and says so in its last line. Values under 1,500 are refused: the summary alone may need that much.
   *
   * @default 65536 - the size of a GitHub comment
   */
  readonly maxLength?: number;
}

const DEFAULT_MAX_LENGTH = 65536;
const MIN_MAX_LENGTH = 1500;
/** Findings messages are cut to this many characters: the table is a digest, the JSON report has them whole. */
const MAX_MESSAGE = 200;
/** The longest list of file names the notice repeats in its command line. */
const MAX_COMMAND_FILES = 200;

// Plan text may hold anything. Replaced: line breaks and tabs (a cell is one line); control characters, bidi controls and lone
// surrogates (shown as \uXXXX, so that nothing invisible or reordering reaches the reader); Markdown punctuation
// (backslash-escaped); & < > (entities, because GitHub renders inline HTML and entities are honoured inside tags);
// and @ (a code span, where GitHub never makes a mention, so that a VM name cannot notify anyone).
const UNSAFE = new RegExp([
  '\\r\\n', '[\\t\\n\\r\\u2028\\u2029]',
  '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]',
  '[\\\\`*_[\\]|#!~$&<>]', '@+',
  '[\\ud800-\\udbff](?![\\udc00-\\udfff])', '(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
].join('|'), 'g');
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function replaceUnsafe(ch: string): string {
  if (ch === '\r\n' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') {
    return ' ';
  }
  const entity = ENTITIES[ch];
  if (entity !== undefined) {
    return entity;
  }
  if (ch[0] === '@') {
    return `\`${ch}\``;
  }
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code >= 0x7f) {
    // The backslash of the visible escape is itself escaped, so that it shows as written.
    return `\\${visibleEscape(ch)}`;
  }
  return `\\${ch}`;
}

/** Plan text made safe for a table cell or a line of Markdown: it renders as itself, on one line, and nothing else. */
function esc(text: string): string {
  return text.replace(UNSAFE, replaceUnsafe);
}

/** Cuts a long message, never between the halves of a surrogate pair. */
function shorten(text: string): string {
  if (text.length <= MAX_MESSAGE) {
    return text;
  }
  const code = text.charCodeAt(MAX_MESSAGE - 2);
  return `${text.slice(0, code >= 0xd800 && code <= 0xdbff ? MAX_MESSAGE - 2 : MAX_MESSAGE - 1)}…`;
}

function num(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A count and its noun, as `plural` writes them but with thousands grouped: `10,000 VMs`. */
function counted(n: number, one: string, many?: string): string {
  return `${num(n)} ${pluralForm(n, one, many)}`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |\n`;
}

function tableHead(columns: readonly string[], numeric = 0): string {
  const rule = columns.map((_, i) => (i >= columns.length - numeric ? '---:' : '---'));
  return row(columns) + row(rule);
}

// What a report leaves out when it is too long, named in its last line.
interface Omission {
  readonly one: string;
  /** @default - `one` and an s */
  readonly many?: string;
}
const OMIT = {
  READY: { one: 'ready VM' },
  CONDITIONS: { one: 'VM ready with conditions', many: 'VMs ready with conditions' },
  UNKNOWN: { one: 'VM of unknown readiness', many: 'VMs of unknown readiness' },
  NOT_READY: { one: 'not-ready VM' },
  CONNECTOR: { one: 'connector with findings', many: 'connectors with findings' },
  UNUSED: { one: 'unused acknowledgement' },
  WAVE: { one: 'wave row' },
  PLAN: { one: 'plan file name' },
  NOTE: { one: 'note on informational findings', many: 'notes on informational findings' },
  NOT_CARRIED: { one: 'acknowledgement not carried', many: 'acknowledgements not carried' },
  NETWORK: { one: 'network row' },
} satisfies Record<string, Omission>;
const OMIT_ORDER: readonly Omission[] = Object.values(OMIT);

/**
 * Rows go in this order when the report is too long: ready VMs first, the summary's own rows last. A connector
 * outranks VMs of its verdict: one connector's problem holds up every VM it replicates.
 */
enum Tier { READY, CONDITIONS, CONNECTOR_CONDITIONS, NOT_READY, CONNECTOR_NOT_READY, ESSENTIAL }

/** What the report shows of a VM's verdict: its emoji, and its rows' tier and name when they are left out. */
interface VerdictView {
  readonly emoji: string;
  readonly tier: Tier;
  readonly omission: Omission;
}

const VERDICT_VIEW: Record<Verdict, VerdictView> = {
  [Verdict.READY]: { emoji: '✅', tier: Tier.READY, omission: OMIT.READY },
  [Verdict.READY_WITH_CONDITIONS]: { emoji: '⚠️', tier: Tier.CONDITIONS, omission: OMIT.CONDITIONS },
  [Verdict.NOT_READY]: { emoji: '❌', tier: Tier.NOT_READY, omission: OMIT.NOT_READY },
  [Verdict.UNKNOWN]: { emoji: '❔', tier: Tier.CONDITIONS, omission: OMIT.UNKNOWN },
};

/** A verdict as a table cell or column head says it: `❌ not ready`. */
function verdictLabel(verdict: Verdict): string {
  return `${VERDICT_VIEW[verdict].emoji} ${VERDICT_WORDS[verdict]}`;
}

/** The command that writes the whole report, for the notice. */
function fullReportCommand(files: readonly string[]): string {
  // The file names are repeated only when they are plain, short paths: anything else would need quoting or escaping
  // that a reader could not paste back into a shell.
  const plain = files.length > 0 && files.every((f) => /^[\w./-]+$/.test(f) && !f.startsWith('-'))
    && files.join(' ').length <= MAX_COMMAND_FILES;
  return `cdk-sms assess ${plain ? files.join(' ') : '<plan files>'} --format html`;
}

function notice(omitted: ReadonlyMap<Omission, number>, command: string): string {
  const what = OMIT_ORDER.filter((o) => omitted.has(o)).map((o) => counted(omitted.get(o)!, o.one, o.many));
  return `\n_Left out to fit a comment: ${what.join(', ')}. The full report: \`${command}\`._\n`;
}

type Part = FitPart<Omission>;
type Group = FitGroup<Omission>;

// Unreachable throw in fitWithin while MIN_MAX_LENGTH covers the summary and the longest notice.
function fit(parts: readonly Part[], maxLength: number, command: string): string {
  return fitWithin(parts, maxLength, (omitted) => notice(omitted, command));
}

function findingLine(f: Finding, kind: FindingKind): string {
  const refused = refusedAcknowledgement(f, esc);
  return `**${esc(f.rule)}** ${kind}: ${esc(shorten(f.message))}${refused !== undefined ? ` (${refused})` : ''}`;
}

/**
 * The findings that matter and the acknowledged ones. An acknowledged informational finding is information,
 * as in every report (it never makes a VM ready with conditions): counted in the note, not listed here.
 * A section the plan leaves out is one line (`no disks section: 12 rules unknown`), not one per rule.
 */
function findingCells(findings: readonly Finding[], vm?: VmAssessment): { open: string; acknowledged: string } {
  const open: string[] = [];
  const acknowledged: string[] = [];
  for (const entry of collapseMissingSections(vm?.vm, sortFindings(findings))) {
    if ('section' in entry) {
      open.push(`${findingKind(entry.findings[0])}: ${missingSectionText(entry.section, entry.findings.length)} `
        + `(${entry.findings.map((f) => `**${esc(f.rule)}**`).join(', ')})`);
      continue;
    }
    const f = entry.finding;
    const kind = findingKind(f);
    if (kind === FindingKind.ACKNOWLEDGED) {
      acknowledged.push(`**${esc(f.rule)}**${viaText(f)}: ${esc(f.reason ?? '')}`);
    } else if (kind !== FindingKind.INFO) {
      open.push(findingLine(f, kind));
    }
  }
  return { open: open.join('<br>') || '-', acknowledged: acknowledged.join('<br>') || '-' };
}

function vmCells(vm: VmAssessment): string[] {
  return [esc(vm.name), esc(waveLabel(vm.vm.wave, vm.unscheduled)), vm.license ?? UNDECIDED_LICENSE, esc(describeOs(vm.vm.os))];
}

/** The column of a VM's details (replication method, tenancy, the day it is judged on), for plans whose pack gives them. */
const DETAILS_COLUMN = 'Method, tenancy, date';

/** The details cell of a VM, when its plan has the column. */
function detailsCells(vm: VmAssessment, withDetails: boolean): string[] {
  return withDetails ? [esc(detailsText(vm.details))] : [];
}

function waveTable(vms: readonly VmAssessment[]): Group {
  const rows = tallyWaves(vms).map((tally) => {
    return keep(row([esc(tally.wave), num(tally.vms), ...VERDICTS.map((v) => num(tally.verdicts[v]))]), Tier.ESSENTIAL, OMIT.WAVE);
  });
  return group(`\n#### Waves\n\n${tableHead(['Wave', 'VMs', ...VERDICTS.map(verdictLabel)], 5)}`, rows);
}

function attentionTable(title: string, vms: readonly VmAssessment[], withDetails: boolean): Group {
  const rows = vms.map((vm) => {
    const cells = findingCells(vm.findings, vm);
    const [name, wave, license, os] = vmCells(vm);
    return keep(row([name, wave, verdictLabel(vm.verdict), license, os, ...detailsCells(vm, withDetails), cells.open, cells.acknowledged]),
      VERDICT_VIEW[vm.verdict].tier, VERDICT_VIEW[vm.verdict].omission);
  });
  const head = tableHead(['VM', 'Wave', 'Verdict', 'License', 'OS', ...(withDetails ? [DETAILS_COLUMN] : []), 'Findings', 'Acknowledged']);
  return group(`\n#### ${title}: ${counted(vms.length, 'VM')}\n\n${head}`, rows);
}

function connectorTable(connectors: readonly ConnectorAssessment[]): Group {
  const rows = connectors
    .filter((c) => c.findings.some((f) => findingKind(f) !== FindingKind.INFO))
    .map((c) => {
      const cells = findingCells(c.findings);
      return keep(row([esc(c.name), esc(c.connector.hypervisor), verdictLabel(c.verdict), cells.open, cells.acknowledged]),
        c.verdict === Verdict.NOT_READY ? Tier.CONNECTOR_NOT_READY : Tier.CONNECTOR_CONDITIONS, OMIT.CONNECTOR);
    });
  return group(`\n#### Connectors with findings\n\n${tableHead(['Connector', 'Hypervisor', 'Verdict', 'Findings', 'Acknowledged'])}`, rows);
}

function readyTable(vms: readonly VmAssessment[], withDetails: boolean): Group {
  const rows = vms.map((vm) => keep(row([...vmCells(vm), ...detailsCells(vm, withDetails), findingCells(vm.findings).acknowledged]),
    Tier.READY, OMIT.READY));
  const summary = `<summary>${counted(vms.length, 'ready VM')}</summary>`;
  const head = tableHead(['VM', 'Wave', 'License', 'OS', ...(withDetails ? [DETAILS_COLUMN] : []), 'Acknowledged']);
  return group(`\n<details>${summary}\n\n${head}`, rows, '\n</details>\n');
}

/** The plan's network (MGN's staging area), when its findings matter. */
function networkTable(assessment: PlanAssessment): Group {
  const network = assessment.network;
  if (network === undefined || !network.findings.some((f) => findingKind(f) !== FindingKind.INFO)) {
    return group('', []);
  }
  const cells = findingCells(network.findings);
  const tier = network.verdict === Verdict.NOT_READY ? Tier.CONNECTOR_NOT_READY : Tier.CONNECTOR_CONDITIONS;
  return group(`\n#### Network\n\n${tableHead(['Subject', 'Verdict', 'Findings', 'Acknowledged'])}`,
    [keep(row(['network', verdictLabel(network.verdict), cells.open, cells.acknowledged]), tier, OMIT.NETWORK)]);
}

function notCarriedList(assessment: PlanAssessment): Group {
  const rows = notCarriedOf(assessment).map((ack) => {
    return keep(`- **${esc(ack.rule)}** ${notCarriedPlace(ack, esc)}: ${esc(ack.reason)}\n`, Tier.CONDITIONS, OMIT.NOT_CARRIED);
  });
  return group(`\n#### Not carried\n\n${notCarriedSentence(assessment)}\n\n`, rows);
}

function unusedList(unused: readonly UnusedAcknowledgement[]): Group {
  const rows = unused.map((ack) => {
    return keep(`- **${esc(ack.rule)}** ${unusedAcknowledgementPlace(ack, { show: esc })}: ${esc(ack.reason)}\n`, Tier.CONDITIONS, OMIT.UNUSED);
  });
  return group('\n#### Unused acknowledgements (they match no finding)\n\n', rows);
}

function infoNote(assessment: PlanAssessment): Group {
  let info = 0;
  for (const subject of [...assessment.vms, ...assessment.connectors, ...(assessment.network !== undefined ? [assessment.network] : [])]) {
    info += subject.findings.filter((f) => findingKind(f) === FindingKind.INFO).length;
  }
  const text = `\n${counted(info, 'informational finding')} (what ${serviceShortName(assessment)} will change during the migration) `
    + `${pluralForm(info, 'is', 'are')} not listed here: \`--format json\` and \`--format html\` have them.\n`;
  return group('', info > 0 ? [keep(text, Tier.ESSENTIAL, OMIT.NOTE)] : []);
}

function planSection(source: ReportSource, titled: boolean): Group {
  const a = source.assessment;
  const by = (...verdicts: Verdict[]): VmAssessment[] => a.vms.filter((vm) => verdicts.includes(vm.verdict));
  const judgedFor = targetLine(a);
  const organization = organizationLine(a);
  const head = (titled ? `\n### Plan <code>${esc(source.file)}</code>\n` : '') + (judgedFor !== undefined ? `\n_${judgedFor}._\n` : '')
    + (organization !== undefined ? `\n_${esc(organization)}._\n` : '');
  const withDetails = hasVmDetails(a);
  return group(head, [
    waveTable(a.vms),
    attentionTable('❌ Not ready', by(Verdict.NOT_READY), withDetails),
    attentionTable('⚠️ Ready with conditions, or ❔ unknown', by(Verdict.READY_WITH_CONDITIONS, Verdict.UNKNOWN), withDetails),
    networkTable(a),
    connectorTable(a.connectors),
    readyTable(by(Verdict.READY), withDetails),
    infoNote(a),
    unusedList(a.unusedAcknowledgements),
    notCarriedList(a),
  ]);
}

function summary(sources: readonly ReportSource[]): string {
  const all = sumSummaries(sources);
  const vms = summaryVerdicts(all);
  const allConnectors = sources.flatMap((s) => s.assessment.connectors);
  const connectors = countVerdicts(allConnectors);
  const total = all.vms;
  const attention = vms[Verdict.READY_WITH_CONDITIONS] + vms[Verdict.UNKNOWN];
  const across = sources.length === 1 ? '' : ` across ${counted(sources.length, 'plan')}`;
  const notReady = vms[Verdict.NOT_READY];
  const line = notReady > 0
    ? `❌ **${num(notReady)} of ${counted(total, 'VM')}${across} ${pluralForm(notReady, 'is', 'are')} not ready** to migrate`
      + (attention > 0 ? `; ${num(attention)} more ${pluralForm(attention, 'needs', 'need')} attention.` : '.')
    : attention > 0
      ? `⚠️ **No VM is blocked**${across}: ${num(attention)} of ${counted(total, 'VM')} ${pluralForm(attention, 'needs', 'need')} attention.`
      : `✅ **All ${counted(total, 'VM')}${across} are ready** to migrate.`;
  const rows = VERDICTS.map((v) => row([verdictLabel(v), num(vms[v]), num(connectors[v])])).join('');
  const totals = row(['**total**', `**${num(total)}**`, `**${num(allConnectors.length)}**`]);
  return `\n${line}\n\n${tableHead(['Verdict', 'VMs', 'Connectors'], 2)}${rows}${totals}`;
}

/**
 * Renders the assessment of one or more plans as GitHub-flavoured Markdown, for a pull-request comment.
 *
 * A summary across every plan comes first: counts by verdict of VMs and connectors. Then, per plan: VMs per wave
 * by verdict, the not-ready VMs, the VMs ready with conditions or unknown, connectors with findings, the ready VMs
 * folded into a `<details>` block, and unused acknowledgements. Informational findings are only counted.
 *
 * Every piece of plan text is escaped, so that a name cannot break a table, add markup, mention someone or hide
 * characters. When the report would pass `maxLength`, whole rows are left out, ready VMs first and not-ready VMs
 * last, and a last line says what was left out; the summary always stays.
 *
 * @throws RangeError when `maxLength` is under 1,500
 */
export function renderMarkdown(sources: readonly ReportSource[], options: MarkdownOptions = {}): string {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  if (!Number.isInteger(maxLength) || maxLength < MIN_MAX_LENGTH) {
    throw new RangeError(`maxLength ${maxLength} is too small, use a whole number of at least ${MIN_MAX_LENGTH}`);
  }
  const files = sources.map((s) => s.file);
  const fileRows = sources.length === 1
    ? [keep(`Plan: <code>${esc(files[0])}</code>\n`, Tier.ESSENTIAL, OMIT.PLAN)]
    : files.map((f) => keep(`- <code>${esc(f)}</code>\n`, Tier.ESSENTIAL, OMIT.PLAN));
  const parts: Part[] = [
    `## ${reportTitle(sources.map((s) => s.assessment))}\n`,
    group(sources.length === 1 ? '\n' : '\nPlans:\n\n', fileRows),
    summary(sources),
    ...sources.map((s) => planSection(s, sources.length > 1)),
  ];
  return fit(parts, maxLength, fullReportCommand(files));
}
