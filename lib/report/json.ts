import { PlanAssessment } from '../assessment/types';
import { toReport } from './report';

/** Renders the JSON report, indented for people and diffs, with a final newline. */
export function renderJson(assessment: PlanAssessment): string {
  return `${JSON.stringify(toReport(assessment), null, 2)}\n`;
}
