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
