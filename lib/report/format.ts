import type * as Html from './html';
import type * as Json from './json';
import type * as Junit from './junit';
import type * as Markdown from './markdown';
import type * as Sarif from './sarif';
import { ReportFormat } from './report-format';
import { RenderOptions, ReportSource } from './source';

/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * Each format's renderer, loaded when a report of that format is rendered: a synth that writes the
 * default formats loads neither the JUnit nor the SARIF renderer.
 */
const renderers = {
  html: () => require('./html') as typeof Html,
  json: () => require('./json') as typeof Json,
  junit: () => require('./junit') as typeof Junit,
  markdown: () => require('./markdown') as typeof Markdown,
  sarif: () => require('./sarif') as typeof Sarif,
};
/* eslint-enable @typescript-eslint/no-require-imports */

export { isReportFormat, REPORT_FILE_EXTENSIONS, ReportFormat } from './report-format';

/**
 * Renders one report of the assessments of one or more plans.
 *
 * JSON keeps the plan-file contract: one plan gives the report itself, several give an array of
 * reports, each naming its file first. The other formats cover every plan in one document.
 */
export function renderReport(format: ReportFormat, sources: readonly ReportSource[], options: RenderOptions = {}): string {
  switch (format) {
    case ReportFormat.JSON:
      return renderJsonReport(sources);
    case ReportFormat.MARKDOWN:
      return renderers.markdown().renderMarkdown(sources, options);
    case ReportFormat.HTML:
      return renderers.html().renderHtml(sources, options);
    case ReportFormat.JUNIT:
      return renderers.junit().renderJunit(sources, options);
    case ReportFormat.SARIF:
      return renderers.sarif().renderSarif(sources, options);
  }
}

function renderJsonReport(sources: readonly ReportSource[]): string {
  return [...jsonChunks(sources, {})].join('');
}

function jsonChunks(sources: readonly ReportSource[], layout: Json.JsonLayout): Iterable<string> {
  const json = renderers.json();
  return sources.length === 1 ? json.jsonReportChunks(sources[0].assessment, layout) : json.jsonReportsChunks(sources, layout);
}

/**
 * A report in pieces, to be written as they come: the JSON report one VM at a time (a report of
 * tens of thousands of VMs is never held whole), every other format as one piece. The pieces joined
 * are `renderReport`'s text.
 *
 * @param layout how the JSON report is laid out (indented by default; `compact` for machines)
 */
export function renderReportChunks(
  format: ReportFormat, sources: readonly ReportSource[], options: RenderOptions = {}, layout: Json.JsonLayout = {},
): Iterable<string> {
  return format === ReportFormat.JSON ? jsonChunks(sources, layout) : [renderReport(format, sources, options)];
}
