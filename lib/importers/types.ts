import { Connector, Vm } from '../plan/model/plan';
import { clipValue, clipValues, MAX_MESSAGE } from '../private/clip';
import { visibleControls } from '../private/visible-controls';

/**
 * What every importer hands back: the facts it found, in the plan file's structure, and what it
 * could not use. Importers never guess: a fact the source does not carry stays absent (the rules then
 * report it as unknown).
 */
export interface ImportResult {
  /** The VMs found, with the facts the source carries (no waves, replication settings or acknowledgements). */
  readonly vms: Vm[];
  /** The connectors the source tells about (vCenter and ESXi versions, for RVTools). */
  readonly connectors: Connector[];
  /** Rows or values that were skipped or only partly understood, for the summary. */
  readonly warnings: ImportWarning[];
}

/** A row or value an importer skipped or only partly understood. */
export interface ImportWarning {
  readonly file: string;
  /** The sheet (RVTools tab) or CSV export. @default - the file is a single table */
  readonly sheet?: string;
  /** 1-based row number in the file or sheet, the header being row 1. @default - the whole file or sheet */
  readonly row?: number;
  readonly message: string;
}

/** One problem that stops an import: nothing is written when any is found. */
export interface ImportIssue {
  readonly file: string;
  /** @default - not about one sheet */
  readonly sheet?: string;
  /** 1-based row number, the header being row 1. @default - not about one row */
  readonly row?: number;
  /** The column header concerned. @default - not about one column */
  readonly header?: string;
  readonly message: string;
}

/** Formats an issue as `FILE[SHEET]:ROW: header "X": MESSAGE`, leaving out the parts it lacks. */
export function formatImportIssue(issue: ImportIssue): string {
  // Names and cells of an export: long ones cut, control characters shown, so that a message is one readable line.
  const where = `${issue.file}${issue.sheet ? `[${clipValue(issue.sheet)}]` : ''}${issue.row !== undefined ? `:${issue.row}` : ''}`;
  const message = clipValue(clipValues(issue.message), MAX_MESSAGE);
  return visibleControls(`${where}: ${issue.header !== undefined ? `column "${clipValue(issue.header)}": ` : ''}${message}`);
}

/**
 * An import that cannot be done: every issue found, one per line in the message.
 *
 * TypeScript and JavaScript only: jsii cannot represent a subclass of `Error`, so the class is not in
 * the jsii assembly; from Python the error arrives as the runtime's own exception carrying the message.
 *
 * @jsii ignore
 */
export class ImportError extends Error {
  public readonly issues: readonly ImportIssue[];

  constructor(issues: readonly ImportIssue[]) {
    super(issues.map(formatImportIssue).join('\n'));
    this.name = 'ImportError';
    this.issues = issues;
  }
}
