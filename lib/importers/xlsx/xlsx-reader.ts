import { ImportError } from '../types';
import { CellTooLong, MAX_CELL_CHARS, SheetReader } from './sheet-reader';
import { SheetTable } from './sheet-table';
import { DEFAULT_ZIP_LIMITS, inflateEntries, listZip, ZipEntry, ZipLimits, ZipProblem, ZipProblemKind } from './zip';
import { decodeOoxmlEscapes, isSheetElement, readXml } from './xml';
import { XmlHandlers } from './xml-api';

export { columnIndex, MAX_CELL_CHARS } from './sheet-reader';

/**
 * A small synchronous xlsx reader for inventory workbooks, raw as the inventory tools write them
 * (namespace-prefixed `x:` parts, absolute relationship targets, BOM-prefixed parts) or re-saved by
 * Excel. It reads cell values as text, not styles or formulas: shared strings (rich-text runs,
 * phonetic `rPh` runs skipped), inline strings, and cells of type `s`, `str`, `inlineStr`, `b` (read
 * as `TRUE`/`FALSE`), `n`, `d`, and `e` (read as empty: an error value is no value).
 */

/** A sheet of the workbook: its name and the part that holds it. */
export interface SheetRef {
  readonly name: string;
  readonly part: string;
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_WORKSHEET = /\/worksheet$/;
const REL_SHARED_STRINGS = /\/sharedStrings$/;

/**
 * The largest shared strings part read (uncompressed). The strings of the largest estates take tens of
 * megabytes; a part of hundreds is a crafted file, refused before it is inflated.
 */
export const MAX_SHARED_STRINGS_BYTES = 256 * 1024 * 1024;

/** A part name as the lookup key: no leading slash, forward slashes, case-folded (OPC names are case-insensitive). */
function partKey(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();
}

/** Resolves a relationship target against the folder of its source part; `/x` targets are absolute. */
export function resolveTarget(sourcePart: string, target: string): string {
  const cleaned = target.replace(/\\/g, '/');
  const base = cleaned.startsWith('/') ? [] : partKey(sourcePart).split('/').slice(0, -1);
  for (const segment of cleaned.split('/')) {
    if (segment === '..') {
      base.pop();
    } else if (segment !== '.' && segment !== '') {
      base.push(segment);
    }
  }
  return partKey(base.join('/'));
}

/** The relationships part of a part: `xl/workbook.xml` has `xl/_rels/workbook.xml.rels`. */
function relsPartOf(part: string): string {
  const segments = partKey(part).split('/');
  const file = segments.pop()!;
  return [...segments, '_rels', `${file}.rels`].join('/');
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

/** An open workbook: its sheet names, and each sheet read on demand. */
export class XlsxWorkbook {
  /**
   * Opens a workbook from its bytes, reading only the package structure (relationships, workbook).
   *
   * @throws ImportError when the file is not a readable, safe xlsx package
   */
  public static open(data: Uint8Array, file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): XlsxWorkbook {
    return new XlsxWorkbook(data, file, limits);
  }

  /** The sheets, in workbook order. */
  public readonly sheets: readonly SheetRef[];
  private readonly entries = new Map<string, ZipEntry>();
  private sharedStrings: string[] | undefined;
  private readonly sharedStringsPart: string | undefined;

  private constructor(private readonly data: Uint8Array, private readonly file: string, private readonly limits: ZipLimits) {
    for (const entry of this.zipCall(() => listZip(data, limits))) {
      this.entries.set(partKey(entry.name), entry);
    }
    const rootRels = this.entries.has('_rels/.rels') ? this.readRelationships('_rels/.rels', '') : [];
    const office = rootRels.find((r) => REL_OFFICE_DOCUMENT.test(r.type));
    const workbookPart = office ? office.target : 'xl/workbook.xml';
    if (!this.entries.has(workbookPart)) {
      const spreadsheet = [...this.entries.keys()].some((k) => k.startsWith('xl/'));
      throw this.error(spreadsheet
        ? `the workbook part "${workbookPart}" is missing from the package: the file is damaged`
        : 'the zip archive is not an xlsx workbook (it has no xl/workbook.xml part)');
    }
    const relsPart = relsPartOf(workbookPart);
    const workbookRels = this.entries.has(relsPart) ? this.readRelationships(relsPart, workbookPart) : [];
    const byId = new Map<string, Relationship>();
    for (const rel of workbookRels) {
      byId.set(rel.id, rel);
    }
    this.sharedStringsPart = workbookRels.find((r) => REL_SHARED_STRINGS.test(r.type))?.target
      ?? (this.entries.has('xl/sharedstrings.xml') ? 'xl/sharedstrings.xml' : undefined);
    const sheets: SheetRef[] = [];
    this.parse(workbookPart, () => ({
      open: (tag) => {
        if (!isSheetElement(tag, 'sheet')) {
          return;
        }
        const name = tag.attr('name');
        const rel = byId.get(tag.relationshipId() ?? '');
        if (name !== undefined && rel && REL_WORKSHEET.test(rel.type)) {
          sheets.push({ name, part: rel.target });
        }
      },
    }));
    this.sheets = sheets;
  }

  /** The sheet whose name matches, case-insensitively. */
  public sheet(name: string): SheetRef | undefined {
    const key = name.trim().toLowerCase();
    return this.sheets.find((s) => s.name.trim().toLowerCase() === key);
  }

  /**
   * Reads a sheet: the first non-empty row is the header, and data rows run up to the first fully
   * empty row (a re-saved workbook can report a million formatted but empty rows).
   */
  public readSheet(sheet: SheetRef): SheetTable {
    if (!this.entries.has(sheet.part)) {
      throw this.error(`the part "${sheet.part}" of sheet ${sheet.name} is missing from the package: the file is damaged`, sheet.name);
    }
    const strings = this.loadSharedStrings();
    let reader = new SheetReader(strings);
    this.parse(sheet.part, () => {
      reader = new SheetReader(strings);
      return reader.handlers;
    }, sheet.name, true);
    return { file: this.file, sheet: sheet.name, headers: reader.header ?? [], headerRow: reader.headerRow, rows: reader.rows };
  }

  private loadSharedStrings(): string[] {
    if (this.sharedStrings) {
      return this.sharedStrings;
    }
    let strings: string[] = [];
    if (this.sharedStringsPart !== undefined && this.entries.has(this.sharedStringsPart)) {
      const size = this.entries.get(this.sharedStringsPart)!.size;
      if (size > MAX_SHARED_STRINGS_BYTES) {
        throw this.error(`the shared strings part "${this.sharedStringsPart}" is ${size} bytes uncompressed, above the ${MAX_SHARED_STRINGS_BYTES} `
          + 'bytes (256 MiB) read: far more text than any export holds, so the file is not an RVTools workbook');
      }
      this.parse(this.sharedStringsPart, () => {
        const list: string[] = [];
        strings = list;
        let current = '';
        let capture = false;
        let inPhonetic = false;
        return {
          open: (tag) => {
            if (tag.local === 'si') {
              current = '';
            } else if (tag.local === 't') {
              capture = !inPhonetic;
            } else if (tag.local === 'rPh') {
              inPhonetic = true;
            }
          },
          text: (text) => {
            if (capture) {
              current += text;
              if (current.length > MAX_CELL_CHARS) {
                throw new CellTooLong();
              }
            }
          },
          close: (tag) => {
            if (tag.local === 't') {
              capture = false;
            } else if (tag.local === 'rPh') {
              inPhonetic = false;
            } else if (tag.local === 'si') {
              list.push(decodeOoxmlEscapes(current));
            }
          },
        };
      }, undefined, true);
    }
    this.sharedStrings = strings;
    return strings;
  }

  private readRelationships(part: string, sourcePart: string): Relationship[] {
    const rels: Relationship[] = [];
    this.parse(part, () => {
      rels.length = 0;
      return {
        open: (tag) => {
          if (tag.local !== 'Relationship' || tag.attr('TargetMode') === 'External') {
            return;
          }
          const target = tag.attr('Target');
          if (target !== undefined) {
            rels.push({ id: tag.attr('Id') ?? '', type: tag.attr('Type') ?? '', target: resolveTarget(sourcePart, target) });
          }
        },
      };
    });
    return rels;
  }

  private parse(part: string, makeHandlers: () => XmlHandlers, sheet?: string, fast = false): void {
    const entry = this.entries.get(part)!;
    const inflate = (): Uint8Array => this.zipCall(() => inflateEntries(this.data, [entry], this.limits)).get(entry.name)!;
    // Inflated here, so that a damaged entry is reported as such; then handed over, not kept (see readXml).
    let inflated: Uint8Array | undefined = inflate();
    const take = (): Uint8Array => {
      const bytes = inflated ?? inflate();
      inflated = undefined;
      return bytes;
    };
    try {
      readXml(take, makeHandlers, { fast });
    } catch (err) {
      if (err instanceof CellTooLong) {
        const what = err.row !== undefined ? 'a cell' : `a shared string (in "${entry.name}")`;
        throw new ImportError([{ file: this.file, ...(sheet !== undefined ? { sheet } : {}), ...(err.row !== undefined ? { row: err.row } : {}),
          message: `${what} holds more than ${MAX_CELL_CHARS} characters, the most Excel allows in a cell: the file is not a workbook RVTools or Excel wrote` }]);
      }
      throw this.error(`the part "${entry.name}" is not well-formed XML (${(err as Error).message}): the file is damaged`, sheet);
    }
  }

  private zipCall<T>(fn: () => T): T {
    try {
      return fn();
    } catch (err) {
      if (err instanceof ZipProblem) {
        const prefix = err.kind === ZipProblemKind.UNSAFE ? 'unsafe zip archive' : err.kind === ZipProblemKind.ENCRYPTED
          ? 'encrypted workbook' : 'corrupted zip archive';
        throw this.error(`${prefix}: ${err.message}`);
      }
      throw err;
    }
  }

  private error(message: string, sheet?: string): ImportError {
    return new ImportError([{ file: this.file, ...(sheet !== undefined ? { sheet } : {}), message }]);
  }
}
