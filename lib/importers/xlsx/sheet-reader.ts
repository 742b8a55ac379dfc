import { SheetRow } from './sheet-table';
import { decodeOoxmlEscapes } from './xml';
import { StopReading, XmlElement, XmlHandlers } from './xml-api';

/**
 * Reading one worksheet's cells into rows, from the events of either XML reader (and the fast reader's
 * plain cells); the limits on what a cell may hold.
 */

const MAX_COLUMNS = 16384;

/** The most characters Excel lets a cell hold; a longer cell or shared string is refused, not read. */
export const MAX_CELL_CHARS = 32_767;

/** Thrown by the XML handlers at a cell or shared string above MAX_CELL_CHARS; `row` is the sheet row of a cell. */
export class CellTooLong extends Error {
  constructor(public readonly row?: number) {
    super('cell too long');
    Object.setPrototypeOf(this, CellTooLong.prototype);
  }
}

/** The column index (0-based) of a cell reference such as `AB12`; undefined when it has no letters. */
export function columnIndex(ref: string): number | undefined {
  let index = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) {
      break;
    }
    index = index * 26 + (code - 0x60);
  }
  return i === 0 ? undefined : index - 1;
}

/**
 * The state of reading one worksheet: the first non-empty row is the header, and data rows run up to
 * the first fully empty row (a re-saved workbook can report a million formatted but empty rows).
 */
export class SheetReader {
  public header: string[] | undefined;
  public headerRow = 1;
  public readonly rows: SheetRow[] = [];
  public readonly handlers: XmlHandlers;
  private lastRow = 0;
  private cells: string[] = [];
  private rowNumber = 0;
  private column = -1;
  private type = 'n';
  private value = '';
  private capture = false;
  private inPhonetic = false;

  constructor(private readonly strings: readonly string[]) {
    this.handlers = {
      open: (tag) => this.open(tag),
      text: (text) => {
        if (this.capture) {
          this.value += text;
          if (this.value.length > MAX_CELL_CHARS) {
            throw new CellTooLong(this.rowNumber);
          }
        }
      },
      close: (tag) => this.close(tag.local),
      cell: (ref, type, value) => {
        // What the events of `<c r t><v>value</v></c>` do: open c, open v, text, close v, close c.
        const index = ref === undefined ? undefined : columnIndex(ref);
        this.column = index === undefined ? this.column + 1 : index;
        this.type = type ?? 'n';
        this.value = value ?? '';
        if (this.value.length > MAX_CELL_CHARS) {
          throw new CellTooLong(this.rowNumber);
        }
        this.close('c');
      },
    };
  }

  private open(tag: XmlElement): void {
    switch (tag.local) {
      case 'row':
        this.rowNumber = Number(tag.attr('r')) || this.rowNumber + 1;
        this.cells = [];
        this.column = -1;
        break;
      case 'c': {
        const ref = tag.attr('r');
        const index = ref === undefined ? undefined : columnIndex(ref);
        this.column = index === undefined ? this.column + 1 : index;
        this.type = tag.attr('t') ?? 'n';
        this.value = '';
        break;
      }
      case 'v':
        this.capture = true;
        break;
      case 't':
        this.capture = !this.inPhonetic;
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
    }
  }

  private close(local: string): void {
    switch (local) {
      case 'v':
      case 't':
        this.capture = false;
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
      case 'c':
        if (this.column >= 0 && this.column < MAX_COLUMNS) {
          const text = cellText(this.type, this.value, this.strings);
          if (text !== '') {
            while (this.cells.length < this.column) {
              this.cells.push('');
            }
            this.cells[this.column] = text;
          }
        }
        break;
      case 'row': {
        const empty = !this.cells.some((c) => c.trim() !== '');
        if (this.header === undefined) {
          if (!empty) {
            this.header = this.cells;
            this.headerRow = this.rowNumber;
            this.lastRow = this.rowNumber;
          }
          break;
        }
        // A gap in row numbers is an empty row too.
        if (empty || this.rowNumber > this.lastRow + 1) {
          throw new StopReading();
        }
        this.rows.push({ row: this.rowNumber, cells: this.cells });
        this.lastRow = this.rowNumber;
        break;
      }
    }
  }
}

/**
 * The text of a cell from its type and raw value. A typed cell with no value (`<c r="B2" t="s"/>`, as raw
 * RVTools 4.7 workbooks write an empty text cell) is empty whatever its type: an empty `<v>` is no shared
 * string index, and `Number('')` would be 0, the first shared string.
 */
function cellText(type: string, raw: string, strings: readonly string[]): string {
  if (raw.trim() === '' && type !== 'inlineStr' && type !== 'str') {
    return '';
  }
  switch (type) {
    case 's': {
      const index = raw.trim();
      return /^\d+$/.test(index) ? strings[Number(index)] ?? '' : '';
    }
    case 'inlineStr':
    case 'str':
      return decodeOoxmlEscapes(raw);
    case 'b':
      return raw.trim() === '1' || raw.trim().toLowerCase() === 'true' ? 'TRUE' : raw.trim() === '' ? '' : 'FALSE';
    case 'e':
      return '';
    default:
      return raw;
  }
}
