/**
 * The contract between the two XML readers of an xlsx part (saxes in xml.ts, fastScan in fast-xml.ts)
 * and the handlers given to them, with the values both readers share. It imports nothing, so that the
 * readers and their pieces depend on it and never on each other in a loop.
 */

/** An element as the handlers see it, whichever parser read it. */
export interface XmlElement {
  /** The local name (`row` for `x:row`). */
  readonly local: string;
  /** The namespace URI, `''` for none. */
  readonly uri: string;
  /** The value of an unprefixed attribute. */
  attr(name: string): string | undefined;
  /** The value of a relationship id attribute (`r:id` under whatever prefix). */
  relationshipId(): string | undefined;
}

/** Callbacks for one part. An element is only valid during the call it is passed to (the fast reader reuses them). */
export interface XmlHandlers {
  readonly open: (element: XmlElement) => void;
  readonly close?: (element: XmlElement) => void;
  readonly text?: (text: string) => void;
  /**
   * A plain SpreadsheetML cell in a row, in one call (see fast-cell.ts): its `r` and `t` attributes
   * and the text of its `<v>` (undefined for a cell without one). When given, it must do exactly what
   * the open, text and close events of that cell would do; saxes never calls it.
   */
  readonly cell?: (ref: string | undefined, type: string | undefined, value: string | undefined) => void;
}

/** Thrown by a handler to stop reading a part early (the rest is not needed). */
export class StopReading extends Error {
  constructor() {
    super('stop reading');
    this.name = 'StopReading';
  }
}

/** The part uses XML the fast reader leaves to saxes. */
export class FastXmlUnsupported extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'FastXmlUnsupported';
  }
}

/** The namespaces of relationship ids (`r:id`), transitional and strict. */
export const RELATIONSHIP_ID_NS: ReadonlySet<string> = new Set([
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  'http://purl.oclc.org/ooxml/officeDocument/relationships',
]);
