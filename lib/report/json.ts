import { PlanAssessment } from '../assessment/types';
import { reportConnector, reportHead, reportNetwork, reportRule, reportVm } from './report';
import { escapeJsonControls } from '../private/visible-controls';

/**
 * The JSON report in pieces, for a writer that sends each on as it comes: the same characters as
 * `JSON.stringify(toReport(assessment), null, 2)` with DEL and C1 controls escaped and a final
 * newline, built a few hundred VMs at a time. A 50,000-VM report is a hundred megabytes as one string; in
 * pieces, nothing of it has to be held whole, neither the text nor the report objects.
 */
export function* jsonReportChunks(assessment: PlanAssessment): Generator<string> {
  yield* reportChunks(assessment, '', undefined);
  yield '\n';
}

/**
 * The JSON report of several plans in pieces: an array of reports, each naming its file first, as
 * `JSON.stringify` of `[{ file, ...toReport(assessment) }, ...]` with two spaces would write it.
 */
export function* jsonReportsChunks(sources: ReadonlyArray<{ readonly file: string; readonly assessment: PlanAssessment }>): Generator<string> {
  if (sources.length === 0) {
    yield '[]\n';
    return;
  }
  yield '[\n';
  for (let i = 0; i < sources.length; i++) {
    yield i === 0 ? '  ' : ',\n  ';
    yield* reportChunks(sources[i].assessment, '  ', sources[i].file);
  }
  yield '\n]\n';
}

/** Renders the JSON report, indented for people and diffs, with a final newline. */
export function renderJson(assessment: PlanAssessment): string {
  return [...jsonReportChunks(assessment)].join('');
}

/** One report object at indentation `pad`, its fields in the order of `toReport` (`file` first when given). */
function* reportChunks(assessment: PlanAssessment, pad: string, file: string | undefined): Generator<string> {
  const inner = `${pad}  `;
  let head = '{\n';
  if (file !== undefined) {
    head += `${inner}"file": ${escapeJsonControls(JSON.stringify(file))},\n`;
  }
  for (const [key, value] of Object.entries(reportHead(assessment))) {
    head += `${inner}${JSON.stringify(key)}: ${JSON.stringify(value)},\n`;
  }
  yield `${head}${inner}"summary": ${indented({ ...assessment.summary }, inner)}`;
  yield* arrayField('vms', assessment.vms, reportVm, inner);
  yield* arrayField('connectors', assessment.connectors, reportConnector, inner);
  if (assessment.network !== undefined) {
    yield `,\n${inner}"network": ${indented(reportNetwork(assessment.network), inner)}`;
  }
  if (assessment.unusedAcknowledgements.length > 0) {
    yield* arrayField('unusedAcknowledgements', assessment.unusedAcknowledgements, (a) => ({ ...a }), inner);
  }
  if (assessment.notCarried !== undefined && assessment.notCarried.length > 0) {
    yield* arrayField('notCarried', assessment.notCarried, (a) => ({ ...a }), inner);
  }
  if (assessment.organizationPacks !== undefined) {
    yield `,\n${inner}"organizationPacks": ${indented([...assessment.organizationPacks], inner)}`;
  }
  if (assessment.organizationRules !== undefined) {
    yield* arrayField('organizationRules', assessment.organizationRules, reportRule, inner);
  }
  yield `\n${pad}}`;
}

/** Items serialized per piece: large enough for JSON.stringify's speed, small enough to hold little at once. */
const ITEMS_PER_PIECE = 256;

/** `,` and a field whose value is an array, its items written a few hundred per piece. */
function* arrayField<T>(name: string, items: readonly T[], toJson: (item: T) => unknown, pad: string): Generator<string> {
  if (items.length === 0) {
    yield `,\n${pad}"${name}": []`;
    return;
  }
  yield `,\n${pad}"${name}": [\n`;
  // The items sit `depth` arrays deep: JSON.stringify of the piece wrapped in as many arrays writes them
  // with their final indentation, and the wrapping is cut off again (no second pass to indent them).
  const depth = pad.length / 2 + 1;
  const open = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}[\n`).join('');
  const close = Array.from({ length: depth }, (_, i) => `\n${'  '.repeat(depth - 1 - i)}]`).join('');
  for (let i = 0; i < items.length; i += ITEMS_PER_PIECE) {
    let wrapped: unknown = items.slice(i, i + ITEMS_PER_PIECE).map(toJson);
    for (let level = 1; level < depth; level++) {
      wrapped = [wrapped];
    }
    const json = JSON.stringify(wrapped, null, 2);
    yield `${i === 0 ? '' : ',\n'}${escapeJsonControls(json.slice(open.length, json.length - close.length))}`;
  }
  yield `\n${pad}]`;
}

/**
 * A value as `JSON.stringify(value, null, 2)` writes it when it sits `pad` deep: the same text with
 * every line after the first indented by `pad` (a JSON string holds no raw line break, so every one is
 * the serializer's own).
 */
function indented(value: unknown, pad: string): string {
  const json = escapeJsonControls(JSON.stringify(value, null, 2));
  return pad === '' ? json : json.replace(/\n/g, `\n${pad}`);
}
