import { CellTags, readPlainCell } from './fast-cell';
import { declarations, decodeEntities, FastElement, isSpace, QName, resolveName, unsupported } from './fast-xml-element';
import { XmlHandlers } from './xml-api';

/**
 * A fast reader for the plain XML that worksheet and shared-string parts are made of: elements,
 * attributes, text, the five predefined entities and character references, comments, and the XML
 * declaration, with the namespaces declared on the root element. Anything else (a DOCTYPE, CDATA, a
 * namespace declared below the root, an unknown entity or prefix) and anything not well-formed (an
 * unmatched tag, text outside the root) throws FastXmlUnsupported, and the caller reads the part with
 * saxes instead: it declines to judge rather than accept broken XML. (The one check it defers: an
 * element's attribute text is checked when an attribute of it is read.)
 */

/**
 * Where the next occurrence of a string is, remembered: most tags hold no quote, apostrophe or
 * `xmlns`, and searching for one from every tag would run on to the end of the part each time.
 */
class NextIndex {
  private at = -2;

  constructor(private readonly s: string, private readonly needle: string) {}

  /** The first occurrence at or after `from`, or -1. */
  public from(from: number): number {
    if (this.at !== -1 && this.at < from) {
      this.at = this.s.indexOf(this.needle, from);
    }
    return this.at;
  }
}

/** True when the character ends a tag name: whitespace, `/` or `>`. */
function endsName(code: number): boolean {
  return code === 0x3e || code === 0x2f || isSpace(code);
}

/**
 * Reads a whole part (decoded text) and calls the handlers as saxes would. Tags must match and be
 * plain elements; attribute text is checked where an attribute is read (and on the root element).
 *
 * @throws FastXmlUnsupported when the part needs saxes
 */
export function fastScan(text: string, handlers: XmlHandlers): void {
  const s = text.replace(/^[\s\ufeff]+/, '');
  const stack: FastElement[] = [];
  // The few element names of a part, matched in place before anything is sliced.
  const known: QName[] = [];
  const pool: FastElement[] = [];
  const quotes = new NextIndex(s, '"');
  const apostrophes = new NextIndex(s, '\'');
  const xmlns = new NextIndex(s, 'xmlns');
  let namespaces = new Map<string, string>();
  let rootSeen = false;
  let cellTags: CellTags | undefined;
  let i = 0;
  const length = s.length;
  while (i < length) {
    const lt = s.indexOf('<', i);
    const end = lt < 0 ? length : lt;
    if (end > i) {
      if (stack.length === 0) {
        if (s.slice(i, end).trim() !== '') {
          throw unsupported('text outside the root element');
        }
      } else if (handlers.text) {
        handlers.text(decodeEntities(s.slice(i, end)));
      }
    }
    if (lt < 0) {
      break;
    }
    const next = s.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) {
      const close = s.indexOf('?>', lt + 2);
      if (close < 0 || rootSeen) {
        throw unsupported('a processing instruction');
      }
      i = close + 2;
      continue;
    }
    if (next === 0x21 /* ! */) {
      const close = s.startsWith('<!--', lt) ? s.indexOf('-->', lt + 4) : -1;
      if (close < 0) {
        throw unsupported('a DOCTYPE, CDATA section or unclosed comment');
      }
      i = close + 3;
      continue;
    }
    const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
    if (handlers.cell !== undefined && top !== undefined && top.local === 'row' && next !== 0x2f) {
      if (cellTags?.rowQname !== top.qname) {
        cellTags = new CellTags(top.qname);
      }
      const after = readPlainCell(s, lt, cellTags, handlers.cell);
      if (after >= 0) {
        i = after;
        continue;
      }
    }
    let gt = s.indexOf('>', lt);
    if (gt < 0) {
      throw unsupported('an unclosed tag');
    }
    const closing = next === 0x2f /* / */;
    const nameStart = closing ? lt + 2 : lt + 1;
    i = gt + 1;
    if (closing) {
      const top = stack.pop();
      const nameEnd = top === undefined ? nameStart : nameStart + top.qname.length;
      if (top === undefined || !s.startsWith(top.qname, nameStart) || !endsName(s.charCodeAt(nameEnd))) {
        throw unsupported('an unmatched end tag');
      }
      for (let k = nameEnd; k < gt; k++) {
        if (!isSpace(s.charCodeAt(k))) {
          throw unsupported('an end tag with attributes');
        }
      }
      handlers.close?.(top);
      continue;
    }
    let name: QName | undefined;
    for (let k = 0; k < known.length; k++) {
      const candidate = known[k];
      const length = candidate.qname.length;
      if (s.charCodeAt(nameStart + length - 1) === candidate.last && endsName(s.charCodeAt(nameStart + length))
        && s.startsWith(candidate.qname, nameStart)) {
        name = candidate;
        break;
      }
    }
    let nameEnd: number;
    if (name !== undefined) {
      nameEnd = nameStart + name.qname.length;
    } else {
      nameEnd = nameStart;
      while (nameEnd < gt && !endsName(s.charCodeAt(nameEnd))) {
        nameEnd++;
      }
    }
    if (nameEnd < gt && !(nameEnd === gt - 1 && s.charCodeAt(nameEnd) === 0x2f)) {
      // The tag has attribute text: a quote before `>` may open a value that holds one, an
      // apostrophe may open a single-quoted value (left to saxes), and `xmlns` may declare a namespace.
      const quote = quotes.from(nameEnd);
      const apostrophe = apostrophes.from(nameEnd);
      if (apostrophe >= 0 && apostrophe < gt && (quote < 0 || apostrophe < quote)) {
        throw unsupported('a single-quoted attribute value');
      }
      if (quote >= 0 && quote < gt) {
        gt = quotedTagEnd(s, quote, gt);
        i = gt + 1;
      }
    }
    const selfClosing = s.charCodeAt(gt - 1) === 0x2f && gt - 1 >= nameEnd;
    const attributesEnd = selfClosing ? gt - 1 : gt;
    if (stack.length === 0) {
      if (rootSeen) {
        throw unsupported('a second root element');
      }
      rootSeen = true;
      namespaces = declarations(s.slice(nameEnd, attributesEnd));
      pool.length = 0;
    } else if (attributesEnd > nameEnd) {
      const declaration = xmlns.from(nameEnd);
      if (declaration >= 0 && declaration < attributesEnd) {
        throw unsupported('a namespace declared below the root');
      }
    }
    if (name === undefined) {
      name = resolveName(s.slice(nameStart, nameEnd), namespaces);
      known.push(name);
    }
    // One element object per depth, reused: handlers use an element only while they are called.
    const depth = stack.length;
    const element = depth < pool.length ? pool[depth].reset(name, nameEnd, attributesEnd)
      : (pool[depth] = new FastElement(name, s, nameEnd, attributesEnd, namespaces));
    handlers.open(element);
    if (selfClosing) {
      handlers.close?.(element);
    } else {
      stack.push(element);
    }
  }
  if (!rootSeen || stack.length > 0) {
    throw unsupported('an unclosed element');
  }
}

/**
 * The end of a tag whose attribute text has a quote at `quote` before the candidate end `gt`:
 * walks the tag so a `>` inside a double-quoted value is skipped. An apostrophe outside a
 * double-quoted value may open a single-quoted one, which is left to saxes.
 */
function quotedTagEnd(s: string, quote: number, gt: number): number {
  let quoted = false;
  let k = quote;
  for (;;) {
    for (; k < gt; k++) {
      const code = s.charCodeAt(k);
      if (code === 0x22) {
        quoted = !quoted;
      } else if (code === 0x27 && !quoted) {
        throw unsupported('a single-quoted attribute value');
      }
    }
    if (!quoted) {
      return gt;
    }
    gt = s.indexOf('>', gt + 1);
    if (gt < 0) {
      throw unsupported('an unclosed tag');
    }
  }
}
