import { Finding, PlanAssessment, Verdict } from '../assessment/types';
import { visibleControls } from '../private/visible-controls';
import { Severity } from '../assessment/rule';
import { describeVerdicts, plural, pluralForm, summaryVerdicts, unusedAcknowledgementPlace } from './helpers';
import { FindingKind, findingKind } from './source';

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
const safe = visibleControls;

function fit(text: string, width: number): string {
  const shown = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return shown.padEnd(width);
}

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
  lines.push('');

  const rows = assessment.vms.map((vm) => ({ vm, name: safe(vm.name), wave: safe(vm.vm.wave ?? '-') }));
  const nameWidth = Math.min(MAX_NAME, Math.max(2, ...rows.map((r) => r.name.length)));
  const waveWidth = Math.min(20, Math.max(4, ...rows.map((r) => r.wave.length)));
  const header = `${'VM'.padEnd(nameWidth)}  ${'WAVE'.padEnd(waveWidth)}  ${'VERDICT'.padEnd(21)}  LICENSE  ERRORS  WARNINGS  UNKNOWN  ACKED`;
  lines.push(paint.bold(header));
  for (const { vm, name, wave } of rows) {
    const open = vm.findings.filter((f) => !f.acknowledged);
    const count = (pred: (f: Finding) => boolean): string => String(open.filter(pred).length);
    lines.push([
      fit(name, nameWidth),
      fit(wave, waveWidth),
      verdictPaint[vm.verdict](vm.verdict.padEnd(21)),
      (vm.license ?? '?').padEnd(7),
      count((f) => f.severity === Severity.ERROR).padStart(6),
      count((f) => f.severity === Severity.WARNING && f.outcome === 'fail').padStart(8),
      count((f) => f.outcome === 'unknown' && f.severity !== Severity.INFO).padStart(7),
      String(vm.findings.filter((f) => f.acknowledged && f.severity !== Severity.INFO).length).padStart(5),
    ].join('  '));
  }

  const subjects = [
    ...assessment.vms.map((v) => ({ kind: 'VM', name: v.name, verdict: v.verdict, findings: v.findings })),
    ...assessment.connectors.map((c) => ({ kind: 'connector', name: c.name, verdict: c.verdict, findings: c.findings })),
  ].filter((subject) => subject.findings.some((f) => f.severity !== Severity.INFO));
  if (subjects.length > 0) {
    lines.push('', paint.bold('Findings'));
  }
  for (const subject of subjects) {
    lines.push(`${subject.kind} ${paint.bold(safe(subject.name))}: ${verdictPaint[subject.verdict](subject.verdict)}`);
    for (const f of subject.findings) {
      if (f.severity === Severity.INFO) {
        continue;
      }
      const kind = findingKind(f);
      const mark = kindPaint[kind](kind);
      lines.push(`  ${f.rule.padEnd(10)} ${mark}  ${safe(f.message)}`);
      if (f.reason !== undefined) {
        lines.push(paint.dim(`             reason: ${safe(f.reason)}`));
      }
      if (f.note !== undefined) {
        lines.push(paint.red(`             ${safe(f.note)}`));
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
  const info = assessment.vms.reduce((n, v) => n + v.findings.filter((f) => f.severity === Severity.INFO).length, 0);
  if (info > 0) {
    lines.push('', paint.dim(`${plural(info, 'informational finding')} (what SMS will change) ${pluralForm(info, 'is', 'are')} in --format json and html`));
  }
  return `${lines.join('\n')}\n`;
}
