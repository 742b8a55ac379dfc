import { XmlHandlers } from './xml-api';

/**
 * The fast reader's lane for the cells that make up nearly all of a worksheet: `<c r="B2" t="s"><v>7</v></c>`
 * and `<c r="B2" t="s"/>`, in a row. Read tag by tag, each such cell is five events and three
 * attribute lookups; a 10,000-VM workbook has some three million of them. When the handlers take
 * `cell`, fastScan() hands a cell of exactly this form over in one call, and any other form (an
 * attribute other than `r`, `s` or `t`, an entity, whitespace, an inline string, a formula) goes
 * through the ordinary events as before.
 */

/** The spellings of a cell's tags under a row's prefix (`x:` for `x:row`, none for `row`). */
export class CellTags {
  public readonly open: string;
  public readonly value: string;
  public readonly valueEnd: string;

  constructor(public readonly rowQname: string) {
    const prefix = rowQname.slice(0, rowQname.length - 3);
    this.open = `<${prefix}c`;
    this.value = `<${prefix}v>`;
    this.valueEnd = `</${prefix}v></${prefix}c>`;
  }
}

/** True when the character may be part of a plain attribute value: not `"`, `'`, `&`, `<`, `>`. */
function plainValueChar(code: number): boolean {
  return code !== 0x22 && code !== 0x27 && code !== 0x26 && code !== 0x3c && code !== 0x3e;
}

/**
 * Reads the plain cell whose tag starts at `lt` and calls `cell`; returns where reading goes on, or
 * -1 (having called nothing) when the cell is not of the plain form, for the ordinary events to read.
 * The form: the tag name, then ` r="…"`, ` s="…"`, ` t="…"` in any order, each at most once, values
 * without quotes, apostrophes, `&`, `<`, `>` or `xmlns`; then `/>`, or `>` and `<v>`, text without `&` or
 * `<`, `</v></c>`. That is exactly what the ordinary events would read as that cell's attributes and
 * value, with nothing for the XML checks to refuse.
 */
export function readPlainCell(s: string, lt: number, tags: CellTags, cell: NonNullable<XmlHandlers['cell']>): number {
  if (!s.startsWith(tags.open, lt)) {
    return -1;
  }
  let i = lt + tags.open.length;
  let ref: string | undefined;
  let type: string | undefined;
  let style = false;
  for (;;) {
    const code = s.charCodeAt(i);
    if (code !== 0x20) {
      break;
    }
    const name = s.charCodeAt(i + 1);
    if (s.charCodeAt(i + 2) !== 0x3d /* = */ || s.charCodeAt(i + 3) !== 0x22 /* " */) {
      return -1;
    }
    let close = i + 4;
    while (close < s.length && plainValueChar(s.charCodeAt(close))) {
      close++;
    }
    if (s.charCodeAt(close) !== 0x22) {
      return -1;
    }
    // The ordinary reader takes `xmlns` anywhere in a tag for a namespace declared below the root.
    if (close - i - 4 >= 5 && s.slice(i + 4, close).includes('xmlns')) {
      return -1;
    }
    if (name === 0x72 /* r */ && ref === undefined) {
      ref = s.slice(i + 4, close);
    } else if (name === 0x74 /* t */ && type === undefined) {
      type = s.slice(i + 4, close);
    } else if (name === 0x73 /* s */ && !style) {
      style = true;
    } else {
      return -1;
    }
    i = close + 1;
  }
  if (s.charCodeAt(i) === 0x2f /* / */ && s.charCodeAt(i + 1) === 0x3e /* > */) {
    cell(ref, type, undefined);
    return i + 2;
  }
  if (s.charCodeAt(i) !== 0x3e || !s.startsWith(tags.value, i + 1)) {
    return -1;
  }
  const textStart = i + 1 + tags.value.length;
  const textEnd = s.indexOf('<', textStart);
  if (textEnd < 0 || !s.startsWith(tags.valueEnd, textEnd)) {
    return -1;
  }
  const text = s.slice(textStart, textEnd);
  if (text.includes('&')) {
    return -1;
  }
  cell(ref, type, text);
  return textEnd + tags.valueEnd.length;
}
