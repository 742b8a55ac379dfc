import { PlanAssessment } from '../assessment/types';
import { reportConnector, reportVm } from './report';
import { escapeJsonControls } from '../private/visible-controls';

/**
 * The JSON report in pieces, for a writer that sends each on as it comes: the same characters as
 * `JSON.stringify(toReport(assessment), null, 2)` with DEL and C1 controls escaped and a final
 * newline, built one VM at a time. A 50,000-VM report is a hundred megabytes as one string; in
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
  yield `${head}${inner}"summary": ${indented({ ...assessment.summary }, inner)}`;
  yield* arrayField('vms', assessment.vms, reportVm, inner);
  yield* arrayField('connectors', assessment.connectors, reportConnector, inner);
  if (assessment.unusedAcknowledgements.length > 0) {
    yield* arrayField('unusedAcknowledgements', assessment.unusedAcknowledgements, (a) => ({ ...a }), inner);
  }
  yield `\n${pad}}`;
}

/** `,` and a field whose value is an array, one item (made by `toJson`) per piece. */
function* arrayField<T>(name: string, items: readonly T[], toJson: (item: T) => unknown, pad: string): Generator<string> {
  if (items.length === 0) {
    yield `,\n${pad}"${name}": []`;
    return;
  }
  const itemPad = `${pad}  `;
  yield `,\n${pad}"${name}": [\n`;
  for (let i = 0; i < items.length; i++) {
    yield `${i === 0 ? '' : ',\n'}${itemPad}${indented(toJson(items[i]), itemPad)}`;
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
