import { FastXmlUnsupported, RELATIONSHIP_ID_NS, XmlElement } from './xml-api';

/**
 * The pieces of the fast XML reader (fast-xml.ts) that deal with one element: its name, its
 * attributes and the entities in its text, and the error by which the reader declines a part.
 */

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));|&/g;
const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: '\'' };

/** The error by which the fast reader declines a part, saying why. */
export function unsupported(reason: string): FastXmlUnsupported {
  return new FastXmlUnsupported(reason);
}

/** Replaces entity and character references; a bare or unknown `&` is left to saxes. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) {
    return text;
  }
  return text.replace(ENTITY, (match, named: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (named) {
      return NAMED[named];
    }
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : NaN;
    if (match === '&' || !Number.isInteger(code) || code > 0x10ffff) {
      throw unsupported('an unknown entity');
    }
    return String.fromCodePoint(code);
  });
}

/** True for the XML whitespace characters. */
export function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * Reads the `name="value"` pairs of the attribute text s[from, to) into `names` and `values`
 * (cleared first; entities in values decoded). Throws FastXmlUnsupported when the text is not such
 * pairs separated by whitespace.
 */
export function readAttributes(s: string, from: number, to: number, names: string[], values: string[]): void {
  names.length = 0;
  values.length = 0;
  let i = from;
  while (i < to) {
    while (i < to && isSpace(s.charCodeAt(i))) {
      i++;
    }
    if (i >= to) {
      return;
    }
    const nameStart = i;
    while (i < to && !isSpace(s.charCodeAt(i)) && s.charCodeAt(i) !== 0x3d /* = */) {
      i++;
    }
    const nameEnd = i;
    while (i < to && isSpace(s.charCodeAt(i))) {
      i++;
    }
    if (nameEnd === nameStart || s.charCodeAt(i) !== 0x3d) {
      throw unsupported('an attribute without a name or value');
    }
    i++;
    while (i < to && isSpace(s.charCodeAt(i))) {
      i++;
    }
    const quote = s.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) {
      throw unsupported('an attribute that is not name="value"');
    }
    const close = s.indexOf(s[i], i + 1);
    if (close < 0 || close >= to) {
      throw unsupported('an unclosed attribute value');
    }
    names.push(s.slice(nameStart, nameEnd));
    values.push(decodeEntities(s.slice(i + 1, close)));
    i = close + 1;
    if (i < to && !isSpace(s.charCodeAt(i))) {
      throw unsupported('attributes not separated by whitespace');
    }
  }
}

/** Every attribute of an attribute text, in order. */
function parseAttributes(raw: string): [string, string][] {
  const names: string[] = [];
  const values: string[] = [];
  readAttributes(raw, 0, raw.length, names, values);
  return names.map((name, i) => [name, values[i]]);
}

/** A qualified element name and what it resolves to. */
export interface QName {
  readonly qname: string;
  readonly local: string;
  readonly uri: string;
  /** The code of the name's last character, compared before the whole name. */
  readonly last: number;
}

/**
 * An element read by fastScan. It keeps the bounds of its attribute text in the part, and reads the
 * attributes the first time one is asked for (a cell's `r` and `t`, say).
 */
export class FastElement implements XmlElement {
  private readonly names: string[] = [];
  private readonly values: string[] = [];
  private parsed = false;

  constructor(private name: QName, private readonly s: string, private start: number, private end: number,
    private readonly namespaces: ReadonlyMap<string, string>) {}

  /** Points this element at another tag; fastScan reuses one element per depth. */
  public reset(name: QName, start: number, end: number): this {
    this.name = name;
    this.start = start;
    this.end = end;
    this.parsed = false;
    return this;
  }

  public get local(): string {
    return this.name.local;
  }

  public get uri(): string {
    return this.name.uri;
  }

  /** The qualified name, as written. */
  public get qname(): string {
    return this.name.qname;
  }

  public attr(name: string): string | undefined {
    if (this.end <= this.start) {
      return undefined;
    }
    if (this.parsed) {
      const index = this.names.indexOf(name);
      return index < 0 ? undefined : this.values[index];
    }
    // The common case, without reading every attribute: ` name="value"` pairs with single spaces,
    // where non-matching values are stepped over. Anything else reads the attributes in full.
    const s = this.s;
    const end = this.end;
    let i = this.start;
    while (i < end && s.charCodeAt(i) === 0x20) {
      const nameStart = i + 1;
      let eq = nameStart;
      while (eq < end) {
        const code = s.charCodeAt(eq);
        if (code === 0x3d || code === 0x22 || isSpace(code)) {
          break;
        }
        eq++;
      }
      if (eq === nameStart || s.charCodeAt(eq) !== 0x3d || s.charCodeAt(eq + 1) !== 0x22) {
        break;
      }
      const close = s.indexOf('"', eq + 2);
      if (close < 0 || close >= end) {
        break;
      }
      if (eq - nameStart === name.length && s.startsWith(name, nameStart)) {
        return decodeEntities(s.slice(eq + 2, close));
      }
      i = close + 1;
    }
    if (i >= end) {
      return undefined;
    }
    readAttributes(s, this.start, end, this.names, this.values);
    this.parsed = true;
    const index = this.names.indexOf(name);
    return index < 0 ? undefined : this.values[index];
  }

  public relationshipId(): string | undefined {
    for (const [name, value] of parseAttributes(this.s.slice(this.start, this.end))) {
      const colon = name.indexOf(':');
      if (colon > 0 && name.slice(colon + 1) === 'id' && RELATIONSHIP_ID_NS.has(this.namespaces.get(name.slice(0, colon)) ?? '')) {
        return value;
      }
    }
    return undefined;
  }
}

/** The namespace declarations of the root element's attributes. */
export function declarations(raw: string): Map<string, string> {
  const namespaces = new Map<string, string>();
  for (const [name, value] of parseAttributes(raw)) {
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      namespaces.set(name === 'xmlns' ? '' : name.slice(6), value);
    }
  }
  return namespaces;
}

/** Resolves a qualified name against the root's namespace declarations. */
export function resolveName(qname: string, namespaces: ReadonlyMap<string, string>): QName {
  if (!NAME.test(qname)) {
    throw unsupported('a malformed tag name');
  }
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const uri = namespaces.get(prefix);
  if (uri === undefined && prefix !== '') {
    throw unsupported(`an undeclared prefix ${prefix}`);
  }
  return { qname, local: colon < 0 ? qname : qname.slice(colon + 1), uri: uri ?? '', last: qname.charCodeAt(qname.length - 1) };
}
