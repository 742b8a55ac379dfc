import { isAscii } from 'buffer';
import type { SaxesTagNS } from 'saxes';
import type * as Saxes from 'saxes';
import { fastScan } from './fast-xml';
import { FastXmlUnsupported, RELATIONSHIP_ID_NS, StopReading, XmlElement, XmlHandlers } from './xml-api';

// saxes is loaded when first needed, not with the library: a synth that imports nothing does not pay for it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const saxes = (): typeof Saxes => require('saxes') as typeof Saxes;

/**
 * XML for the parts of an xlsx package, with namespaces resolved, so `x:row` in a raw RVTools
 * workbook and `row` in a re-saved one are the same element.
 *
 * Every part can be read by saxes, in 1 MiB pieces. Saxes reads about 35 MB/s, and the worksheets of a
 * 10,000-VM export hold some 80 MB of XML, so the large parts (worksheets, shared strings) first go
 * through fastScan(), which reads the plain XML those parts are made of several times faster; on
 * anything outside that subset (a DOCTYPE, CDATA, an inner namespace declaration, an unknown entity,
 * XML that is not well-formed) it gives up and the part is read again by saxes from the start, with
 * fresh handlers, so saxes is what judges any unusual or broken part.
 */

/** SpreadsheetML, transitional and strict. */
export const SPREADSHEET_NS: ReadonlySet<string> = new Set([
  'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  'http://purl.oclc.org/ooxml/spreadsheetml/main',
  // A part written without a default namespace is read as SpreadsheetML too.
  '',
]);

class SaxesElement implements XmlElement {
  constructor(private readonly tag: SaxesTagNS) {}

  public get local(): string {
    return this.tag.local;
  }

  public get uri(): string {
    return this.tag.uri;
  }

  public attr(name: string): string | undefined {
    return this.tag.attributes[name]?.value;
  }

  public relationshipId(): string | undefined {
    for (const attribute of Object.values(this.tag.attributes)) {
      if (attribute.local === 'id' && RELATIONSHIP_ID_NS.has(attribute.uri)) {
        return attribute.value;
      }
    }
    return undefined;
  }
}

const CHUNK = 1 << 20;
/** Parts above this size are streamed through saxes rather than decoded into one string. */
const FAST_MAX_BYTES = 256 * 1024 * 1024;

function decoderFor(data: Uint8Array): InstanceType<typeof TextDecoder> {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) {
    return new TextDecoder('utf-16le');
  }
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) {
    return new TextDecoder('utf-16be');
  }
  // Drops a UTF-8 byte order mark, which raw RVTools parts can start with.
  return new TextDecoder('utf-8');
}

/**
 * A whole part as text, as decoderFor() decodes it. Worksheets are nearly always ASCII, and ASCII is
 * copied into a string several times faster than a UTF-8 decoder goes (half a second for a
 * 10,000-VM workbook's parts).
 */
function decodePart(data: Uint8Array): string {
  const bom = data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
  // A UTF-16 byte order mark is not ASCII, so UTF-16 parts go to the decoder.
  const body = data.subarray(bom);
  return isAscii(body) ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1') : decoderFor(data).decode(data);
}

/** Parses a part with saxes, in 1 MiB pieces. Throws saxes' error for XML that is not well-formed. */
function saxesScan(data: Uint8Array, handlers: XmlHandlers): void {
  const parser = new (saxes().SaxesParser)({ xmlns: true, position: false });
  parser.on('opentag', (tag) => handlers.open(new SaxesElement(tag)));
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(new SaxesElement(tag)));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  const decoder = decoderFor(data);
  let first = true;
  for (let offset = 0; offset < data.length; offset += CHUNK) {
    let text = decoder.decode(data.subarray(offset, offset + CHUNK), { stream: true });
    if (first) {
      // Whitespace before the XML declaration (seen after a BOM) is not allowed by XML; skip it.
      text = text.replace(/^[\s\ufeff]+/, '');
      first = text === '';
    }
    parser.write(text);
  }
  parser.write(decoder.decode());
  parser.close();
}

/**
 * Reads a part, calling `makeHandlers()` for the handlers. With `fast`, the part is first read by
 * fastScan(); should that give up, the handlers made for it are dropped and saxes reads the part with
 * new ones. A handler may throw StopReading to end early.
 *
 * The part's bytes may be given as a function that makes them afresh at each call, keeping none: then
 * the bytes are let go once fastScan has their text (a 10,000-VM workbook's largest worksheet is 30 MB
 * of each, at the import's peak of memory), and made again in the rare case saxes must read them.
 *
 * @throws the parser's error when the part is not well-formed XML
 */
export function readXml(data: Uint8Array | (() => Uint8Array), makeHandlers: () => XmlHandlers, options: { readonly fast?: boolean } = {}): void {
  const bytes = typeof data === 'function' ? data : () => data;
  let held: Uint8Array | undefined = bytes();
  try {
    if (options.fast && held.length <= FAST_MAX_BYTES) {
      const text = decodePart(held);
      held = undefined;
      try {
        fastScan(text, makeHandlers());
        return;
      } catch (err) {
        if (!(err instanceof FastXmlUnsupported)) {
          throw err;
        }
      }
    }
    saxesScan(held ?? bytes(), makeHandlers());
  } catch (err) {
    if (err instanceof StopReading) {
      return;
    }
    throw err;
  }
}

/** True when the element is the SpreadsheetML element `local`. */
export function isSheetElement(element: XmlElement, local: string): boolean {
  return element.local === local && SPREADSHEET_NS.has(element.uri);
}

/** Decodes the `_xHHHH_` escapes of OOXML strings (a literal `_x` is itself written `_x005F_x`). */
export function decodeOoxmlEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9a-fA-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
