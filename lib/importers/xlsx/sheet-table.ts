/**
 * What the xlsx reader hands back for one sheet: its header cells and data rows as text, by position.
 * Looking columns up by header text is left to the importer, which knows its headers' spellings.
 */

/** A data row of a sheet: the 1-based row number in its sheet or file (the header is row 1) and its cells. */
export interface SheetRow {
  readonly row: number;
  readonly cells: readonly string[];
}

/** One sheet: its header and its data rows up to the first empty row. */
export interface SheetTable {
  /** The file, as the caller named it. */
  readonly file: string;
  /** The sheet name. */
  readonly sheet: string;
  /** The cells of the header row, in column order; none when the sheet has no non-empty row. */
  readonly headers: readonly string[];
  /** The row number of the header: 1, unless a sheet starts with empty rows. */
  readonly headerRow: number;
  readonly rows: readonly SheetRow[];
}
