import { renderHtml } from './html';
import { jsonReportChunks, jsonReportsChunks } from './json';
import { renderJunit } from './junit';
import { renderMarkdown } from './markdown';
import { renderSarif } from './sarif';
import { RenderOptions, ReportSource } from './source';

/** The formats an assessment report is written in, to a file or by `cdk-sms assess --format`. */
export enum ReportFormat {
  /** The JSON report of the plan-file contract: for programs. */
  JSON = 'json',
  /** Markdown that fits a pull-request comment: summary first, the VMs that need work, the rest collapsed. */
  MARKDOWN = 'markdown',
  /** One self-contained page for people: summary, verdicts per wave, every VM and its findings, filters. */
  HTML = 'html',
  /** JUnit XML for CI systems: a test case per VM and connector, each unacknowledged error a failure. */
  JUNIT = 'junit',
  /** SARIF 2.1.0 for code-scanning views: the rule catalogue and a result per finding, located in the plan file. */
  SARIF = 'sarif',
}

/** The file extension of each format's report, dot included. */
export const REPORT_FILE_EXTENSIONS: Readonly<Record<ReportFormat, string>> = {
  [ReportFormat.JSON]: '.json',
  [ReportFormat.MARKDOWN]: '.md',
  [ReportFormat.HTML]: '.html',
  [ReportFormat.JUNIT]: '.junit.xml',
  [ReportFormat.SARIF]: '.sarif',
};

/** Whether a text names a report format. */
export function isReportFormat(text: string): text is ReportFormat {
  return (Object.values(ReportFormat) as string[]).includes(text);
}

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
      return renderMarkdown(sources, options);
    case ReportFormat.HTML:
      return renderHtml(sources, options);
    case ReportFormat.JUNIT:
      return renderJunit(sources, options);
    case ReportFormat.SARIF:
      return renderSarif(sources, options);
  }
}

function renderJsonReport(sources: readonly ReportSource[]): string {
  return [...jsonChunks(sources)].join('');
}

function jsonChunks(sources: readonly ReportSource[]): Iterable<string> {
  return sources.length === 1 ? jsonReportChunks(sources[0].assessment) : jsonReportsChunks(sources);
}

/**
 * A report in pieces, to be written as they come: the JSON report one VM at a time (a report of
 * tens of thousands of VMs is never held whole), every other format as one piece. The pieces joined
 * are `renderReport`'s text.
 */
export function renderReportChunks(format: ReportFormat, sources: readonly ReportSource[], options: RenderOptions = {}): Iterable<string> {
  return format === ReportFormat.JSON ? jsonChunks(sources) : [renderReport(format, sources, options)];
}
