import { PlanAssessment } from '../assessment/types';
import { reportConnector, reportHead, reportNetwork, reportRule, reportVm } from './report';
import { escapeJsonControls } from '../private/visible-controls';

/** How the JSON report is laid out. */
export interface JsonLayout {
  /**
   * Written without indentation or line breaks (`JSON.stringify(report)`), but for the final newline:
   * smaller and quicker to write, for machines only.
   *
   * @default false - indented by two spaces, for people and diffs
   */
  readonly compact?: boolean;
}

/** The text a layout puts between the parts of the JSON text: `JSON.stringify`'s own, with or without two spaces. */
interface Spacing {
  /** Two spaces, or nothing when compact. */
  readonly step: string;
  /** A line break, or nothing when compact. */
  readonly newline: string;
  /** After a key: `": "`, or `":"` when compact. */
  readonly colon: string;
  /** JSON.stringify's `space` argument. */
  readonly space: number;
}

function spacingOf(layout: JsonLayout): Spacing {
  return layout.compact === true ? { step: '', newline: '', colon: ':', space: 0 } : { step: '  ', newline: '\n', colon: ': ', space: 2 };
}

/**
 * The JSON report in pieces, for a writer that sends each on as it comes: the same characters as
 * `JSON.stringify(toReport(assessment), null, 2)` (or, compact, `JSON.stringify(toReport(assessment))`)
 * with DEL and C1 controls escaped and a final newline, built a few hundred VMs at a time. A 50,000-VM
 * report is a hundred megabytes as one string; in pieces, nothing of it has to be held whole, neither
 * the text nor the report objects.
 */
export function* jsonReportChunks(assessment: PlanAssessment, layout: JsonLayout = {}): Generator<string> {
  yield* reportChunks(assessment, '', undefined, spacingOf(layout));
  yield '\n';
}

/**
 * The JSON report of several plans in pieces: an array of reports, each naming its file first, as
 * `JSON.stringify` of `[{ file, ...toReport(assessment) }, ...]` with two spaces (or none, compact) would write it.
 */
export function* jsonReportsChunks(
  sources: ReadonlyArray<{ readonly file: string; readonly assessment: PlanAssessment }>, layout: JsonLayout = {},
): Generator<string> {
  if (sources.length === 0) {
    yield '[]\n';
    return;
  }
  const spacing = spacingOf(layout);
  const { step, newline } = spacing;
  yield `[${newline}`;
  for (let i = 0; i < sources.length; i++) {
    yield i === 0 ? step : `,${newline}${step}`;
    yield* reportChunks(sources[i].assessment, step, sources[i].file, spacing);
  }
  yield `${newline}]\n`;
}

/** Renders the JSON report, indented for people and diffs, with a final newline. */
export function renderJson(assessment: PlanAssessment): string {
  return [...jsonReportChunks(assessment)].join('');
}

/** One report object at indentation `pad`, its fields in the order of `toReport` (`file` first when given). */
function* reportChunks(assessment: PlanAssessment, pad: string, file: string | undefined, spacing: Spacing): Generator<string> {
  const { step, newline, colon } = spacing;
  const inner = `${pad}${step}`;
  let head = `{${newline}`;
  if (file !== undefined) {
    head += `${inner}"file"${colon}${escapeJsonControls(JSON.stringify(file))},${newline}`;
  }
  for (const [key, value] of Object.entries(reportHead(assessment))) {
    head += `${inner}${JSON.stringify(key)}${colon}${JSON.stringify(value)},${newline}`;
  }
  yield `${head}${inner}"summary"${colon}${indented({ ...assessment.summary }, inner, spacing)}`;
  yield* arrayField('vms', assessment.vms, reportVm, inner, spacing);
  yield* arrayField('connectors', assessment.connectors, reportConnector, inner, spacing);
  if (assessment.network !== undefined) {
    yield `,${newline}${inner}"network"${colon}${indented(reportNetwork(assessment.network), inner, spacing)}`;
  }
  if (assessment.unusedAcknowledgements.length > 0) {
    yield* arrayField('unusedAcknowledgements', assessment.unusedAcknowledgements, (a) => ({ ...a }), inner, spacing);
  }
  if (assessment.notCarried !== undefined && assessment.notCarried.length > 0) {
    yield* arrayField('notCarried', assessment.notCarried, (a) => ({ ...a }), inner, spacing);
  }
  if (assessment.organizationPacks !== undefined) {
    yield `,${newline}${inner}"organizationPacks"${colon}${indented([...assessment.organizationPacks], inner, spacing)}`;
  }
  if (assessment.organizationRules !== undefined) {
    yield* arrayField('organizationRules', assessment.organizationRules, reportRule, inner, spacing);
  }
  yield `${newline}${pad}}`;
}

/** Items serialized per piece: large enough for JSON.stringify's speed, small enough to hold little at once. */
const ITEMS_PER_PIECE = 256;

/** `,` and a field whose value is an array, its items written a few hundred per piece. */
function* arrayField<T>(name: string, items: readonly T[], toJson: (item: T) => unknown, pad: string, spacing: Spacing): Generator<string> {
  const { step, newline, colon, space } = spacing;
  if (items.length === 0) {
    yield `,${newline}${pad}"${name}"${colon}[]`;
    return;
  }
  yield `,${newline}${pad}"${name}"${colon}[${newline}`;
  // The items sit `depth` arrays deep: JSON.stringify of the piece wrapped in as many arrays writes them
  // with their final indentation, and the wrapping is cut off again (no second pass to indent them).
  const depth = pad.length / Math.max(step.length, 1) + 1;
  const open = Array.from({ length: depth }, (_, i) => `${step.repeat(i)}[${newline}`).join('');
  const close = Array.from({ length: depth }, (_, i) => `${newline}${step.repeat(depth - 1 - i)}]`).join('');
  for (let i = 0; i < items.length; i += ITEMS_PER_PIECE) {
    let wrapped: unknown = items.slice(i, i + ITEMS_PER_PIECE).map(toJson);
    for (let level = 1; level < depth; level++) {
      wrapped = [wrapped];
    }
    const json = JSON.stringify(wrapped, null, space);
    yield `${i === 0 ? '' : `,${newline}`}${escapeJsonControls(json.slice(open.length, json.length - close.length))}`;
  }
  yield `${newline}${pad}]`;
}

/**
 * A value as `JSON.stringify(value, null, 2)` writes it when it sits `pad` deep: the same text with
 * every line after the first indented by `pad` (a JSON string holds no raw line break, so every one is
 * the serializer's own). Compact, as `JSON.stringify(value)` writes it.
 */
function indented(value: unknown, pad: string, spacing: Spacing): string {
  const json = escapeJsonControls(JSON.stringify(value, null, spacing.space));
  return pad === '' ? json : json.replace(/\n/g, `\n${pad}`);
}
