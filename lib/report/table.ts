import { PlanAssessment, Verdict } from '../assessment/types';
import { visibleControls } from '../private/visible-controls';
import { Severity } from '../assessment/rule';
import { displayWidth, fitDisplay, padEndDisplay } from '../private/display-width';
import { describeVerdicts, plural, pluralForm, summaryVerdicts, unusedAcknowledgementPlace } from './helpers';
import { collapseMissingSections, missingSectionText, refusedAcknowledgement, UNDECIDED_LICENSE } from './finding-text';
import { countKinds, FindingKind, findingKind, UNSCHEDULED } from './source';
import { maxOf } from '../private/arrays';
import { clipValue, clipValues, MAX_MESSAGE } from '../private/clip';
import {
  NETWORK_NAME, notCarriedOf, notCarriedPlace, notCarriedSentence, organizationLine, serviceShortName, targetLine, viaText,
} from './target-text';

/** Options for the terminal table. */
export interface TableOptions {
  /** Use ANSI colours. @default false */
  readonly color?: boolean;
  /** A heading naming the plan file. @default - no heading */
  readonly title?: string;
}

type Paint = (text: string) => string;

function painter(enabled: boolean, code: string): Paint {
  return enabled ? (text) => `\u001b[${code}m${text}\u001b[0m` : (text) => text;
}

const MAX_NAME = 40;

/** Plan text as a terminal may show it. */
// Text from the plan: control characters made visible, and long values cut (a 100 MiB name is one short line).
const safe = (text: string): string => visibleControls(clipValue(clipValues(text), MAX_MESSAGE));

/** The text in exactly `width` terminal columns: a CJK character takes two, so columns stay aligned. */
const fit = fitDisplay;

/** The LICENSE column: as wide as its longest word, `undecided`. */
const LICENSE_WIDTH = Math.max('LICENSE'.length, UNDECIDED_LICENSE.length);

/** Renders an assessment as a table for a terminal: one row per VM, then the findings that matter. */
export function renderTable(assessment: PlanAssessment, options: TableOptions = {}): string {
  const color = options.color ?? false;
  const paint = {
    red: painter(color, '31'), yellow: painter(color, '33'), green: painter(color, '32'),
    cyan: painter(color, '36'), dim: painter(color, '2'), bold: painter(color, '1'),
  };
  const verdictPaint: Record<Verdict, Paint> = {
    [Verdict.READY]: paint.green, [Verdict.READY_WITH_CONDITIONS]: paint.yellow, [Verdict.NOT_READY]: paint.red, [Verdict.UNKNOWN]: paint.cyan,
  };
  const kindPaint: Record<FindingKind, Paint> = {
    [FindingKind.ERROR]: paint.red, [FindingKind.WARNING]: paint.yellow, [FindingKind.UNKNOWN]: paint.cyan,
    [FindingKind.ACKNOWLEDGED]: paint.dim, [FindingKind.INFO]: paint.dim,
  };
  const lines: string[] = [];
  const s = assessment.summary;
  if (options.title) {
    lines.push(paint.bold(safe(options.title)));
  }
  lines.push(`${plural(s.vms, 'VM')}: ${describeVerdicts(summaryVerdicts(s), { paint: (verdict, text) => verdictPaint[verdict](text) })}`);
  const judgedFor = targetLine(assessment);
  if (judgedFor !== undefined) {
    lines.push(paint.dim(judgedFor));
  }
  const organization = organizationLine(assessment);
  if (organization !== undefined) {
    lines.push(paint.dim(safe(organization)));
  }
  lines.push('');

  const rows = assessment.vms.map((vm) => ({ vm, name: safe(vm.name), wave: safe(vm.unscheduled ? UNSCHEDULED : vm.vm.wave ?? '-') }));
  const nameWidth = Math.min(MAX_NAME, maxOf(rows.map((r) => displayWidth(r.name)), 2));
  const waveWidth = Math.min(20, maxOf(rows.map((r) => displayWidth(r.wave)), 4));
  const header = `${padEndDisplay('VM', nameWidth)}  ${padEndDisplay('WAVE', waveWidth)}  ${'VERDICT'.padEnd(21)}  `
    + `${'LICENSE'.padEnd(LICENSE_WIDTH)}  ERRORS  WARNINGS  UNKNOWN  ACKED`;
  lines.push(paint.bold(header));
  for (const { vm, name, wave } of rows) {
    // Each finding counts in one column, by its kind: an unknown reported as an error (--unknown error) is
    // an error, not an unknown too.
    const counts = countKinds(vm.findings);
    lines.push([
      fit(name, nameWidth),
      fit(wave, waveWidth),
      verdictPaint[vm.verdict](vm.verdict.padEnd(21)),
      (vm.license ?? UNDECIDED_LICENSE).padEnd(LICENSE_WIDTH),
      String(counts[FindingKind.ERROR]).padStart(6),
      String(counts[FindingKind.WARNING]).padStart(8),
      String(counts[FindingKind.UNKNOWN]).padStart(7),
      String(counts[FindingKind.ACKNOWLEDGED]).padStart(5),
    ].join('  '));
  }

  const subjects = [
    ...assessment.vms.map((v) => ({ kind: 'VM', name: v.name, verdict: v.verdict, findings: v.findings, vm: v.vm })),
    ...assessment.connectors.map((c) => ({ kind: 'connector', name: c.name, verdict: c.verdict, findings: c.findings, vm: undefined })),
    ...(assessment.network !== undefined
      ? [{ kind: NETWORK_NAME, name: undefined, verdict: assessment.network.verdict, findings: assessment.network.findings, vm: undefined }]
      : []),
  ].filter((subject) => subject.findings.some((f) => f.severity !== Severity.INFO));
  if (subjects.length > 0) {
    lines.push('', paint.bold('Findings'));
  }
  for (const subject of subjects) {
    const named = subject.name !== undefined ? `${subject.kind} ${paint.bold(safe(subject.name))}` : paint.bold(subject.kind);
    lines.push(`${named}: ${verdictPaint[subject.verdict](subject.verdict)}`);
    for (const entry of collapseMissingSections(subject.vm, subject.findings.filter((f) => f.severity !== Severity.INFO))) {
      if ('section' in entry) {
        // A section left out of the plan: once, with the rules it leaves undecided, rather than a line per rule.
        const kind = findingKind(entry.findings[0]);
        lines.push(`  ${'-'.padEnd(10)} ${kindPaint[kind](kind)}  ${missingSectionText(entry.section, entry.findings.length)}: `
          + entry.findings.map((f) => f.rule).join(', '));
        continue;
      }
      const f = entry.finding;
      const kind = findingKind(f);
      const mark = kindPaint[kind](kind);
      lines.push(`  ${f.rule.padEnd(10)} ${mark}  ${safe(f.message)}`);
      const refused = refusedAcknowledgement(f, safe);
      if (refused !== undefined) {
        lines.push(paint.red(`             ${refused}`));
      } else if (f.reason !== undefined) {
        lines.push(paint.dim(`             reason${viaText(f)}: ${safe(f.reason)}`));
      }
    }
  }
  const connectorsWithout = assessment.connectors.filter((c) => !subjects.some((s2) => s2.kind === 'connector' && s2.name === c.name));
  if (connectorsWithout.length > 0) {
    lines.push('', `Connectors with no findings: ${connectorsWithout.map((c) => safe(c.name)).join(', ')}`);
  }
  if (assessment.unusedAcknowledgements.length > 0) {
    lines.push('', paint.bold('Unused acknowledgements (they match no finding)'));
    for (const ack of assessment.unusedAcknowledgements) {
      lines.push(`  ${ack.rule.padEnd(10)} ${unusedAcknowledgementPlace(ack, { show: safe })}: ${safe(ack.reason)}`);
    }
  }
  const notCarried = notCarriedOf(assessment);
  if (notCarried.length > 0) {
    lines.push('', paint.bold('Not carried'), notCarriedSentence(assessment));
    for (const ack of notCarried) {
      lines.push(`  ${ack.rule.padEnd(10)} ${notCarriedPlace(ack, safe)}: ${safe(ack.reason)}`);
    }
  }
  const info = assessment.vms.reduce((n, v) => n + v.findings.filter((f) => f.severity === Severity.INFO).length, 0);
  if (info > 0) {
    lines.push('', paint.dim(`${plural(info, 'informational finding')} (what ${serviceShortName(assessment)} will change) ${pluralForm(info, 'is', 'are')} in --format json and html`));
  }
  return `${lines.join('\n')}\n`;
}
