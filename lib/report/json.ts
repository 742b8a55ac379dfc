import { PlanAssessment } from '../assessment/types';
import { toReport } from './report';
import { escapeJsonControls } from '../private/visible-controls';

/** Renders the JSON report, indented for people and diffs, with a final newline. */
export function renderJson(assessment: PlanAssessment): string {
  return `${escapeJsonControls(JSON.stringify(toReport(assessment), null, 2))}\n`;
}
