import * as fs from 'fs';
import * as path from 'path';
import { isReportFormat, REPORT_FILE_EXTENSIONS, renderReport, ReportFormat } from '../report/format';
import { ReportSource } from '../report/source';

/** The formats written when `reportFormats` is not given. */
export const DEFAULT_REPORT_FORMATS: readonly ReportFormat[] = [ReportFormat.JSON, ReportFormat.MARKDOWN, ReportFormat.HTML];

/** The problems of the report props, for the migration's prop validation. */
export function reportPropProblems(fileName: string | undefined, formats: readonly ReportFormat[] | undefined): string[] {
  const problems: string[] = [];
  if (fileName !== undefined && !/^[^/\\]+$/.test(fileName)) {
    problems.push(`reportFileName must be a file name without a folder, got "${fileName}"`);
  }
  for (const format of formats ?? []) {
    if (!isReportFormat(format)) {
      problems.push(`reportFormats holds "${format}", which is not a ReportFormat: use ${Object.values(ReportFormat).join(', ')}`);
    }
  }
  return problems;
}

/**
 * Writes the assessment reports into a cloud assembly folder, one file a format: `<base>.json`,
 * `<base>.md`, and so on. Each format is rendered only when it is written. Returns the names written.
 */
export function writeReportFiles(outdir: string, base: string, formats: readonly ReportFormat[], sources: readonly ReportSource[]): string[] {
  const names: string[] = [];
  for (const format of new Set(formats)) {
    const name = `${base}${REPORT_FILE_EXTENSIONS[format]}`;
    fs.mkdirSync(outdir, { recursive: true });
    fs.writeFileSync(path.join(outdir, name), renderReport(format, sources));
    names.push(name);
  }
  return names;
}
