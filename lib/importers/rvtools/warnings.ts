import { ImportWarning } from '../types';
import { Table, TableRow } from './tabs';

/** Collects the warnings of an import, each naming its file, sheet and row. */
export class Warnings {
  public readonly list: ImportWarning[] = [];

  /** A warning about one row of a table. */
  public row(table: Table, row: TableRow, message: string): void {
    this.list.push({ file: table.file, sheet: table.sheet, row: row.row, message });
  }

  /** A warning about a whole table. */
  public table(table: Pick<Table, 'file' | 'sheet'>, message: string): void {
    this.list.push({ file: table.file, sheet: table.sheet, message });
  }

  /** A warning about a whole file. */
  public file(file: string, message: string): void {
    this.list.push({ file, message });
  }
}
