import { renderHtml } from './html';
import { jsonReportChunks, jsonReportsChunks } from './json';
import { renderJunit } from './junit';
import { renderMarkdown } from './markdown';
import { renderSarif } from './sarif';
import { ReportFormat } from './report-format';
import { RenderOptions, ReportSource } from './source';

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
      return renderJsonReport(sources, options);
    case ReportFormat.MARKDOWN:
      return renderMarkdown(sources, options);
    case ReportFormat.HTML:
      return renderHtml(sources, options);
    case ReportFormat.JUNIT:
      return renderJunit(sources, options);
    case ReportFormat.SARIF:
      return renderSarif(sources, options);
  }
}

function renderJsonReport(sources: readonly ReportSource[], options: RenderOptions): string {
  return [...jsonChunks(sources, options)].join('');
}

function jsonChunks(sources: readonly ReportSource[], options: RenderOptions): Iterable<string> {
  const layout = { compact: options.compact };
  return sources.length === 1 ? jsonReportChunks(sources[0].assessment, layout) : jsonReportsChunks(sources, layout);
}

/**
 * A report in pieces, to be written as they come: the JSON report one VM at a time (a report of
 * tens of thousands of VMs is never held whole), every other format as one piece. The pieces joined
 * are `renderReport`'s text.
 */
export function renderReportChunks(format: ReportFormat, sources: readonly ReportSource[], options: RenderOptions = {}): Iterable<string> {
  return format === ReportFormat.JSON ? jsonChunks(sources, options) : [renderReport(format, sources, options)];
}
