import { ReportFormat } from '../report/report-format';

// The formats the commands accept, apart from the commands themselves: the command line lists them
// in its help without loading the renderers or the importers.

/** The report formats `assess` writes: a table for the terminal, and every report format. */
export const ASSESS_FORMATS: readonly string[] = ['table', ...Object.values(ReportFormat)];

/** The formats `import` writes a plan in. */
export const IMPORT_FORMATS = ['json', 'yaml'] as const;
