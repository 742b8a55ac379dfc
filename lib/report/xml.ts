/**
 * XML 1.0 text for reports built from plan data, which may hold anything: names and reasons are the
 * user's text, so every value written into XML goes through here.
 */

import { visibleEscape } from '../private/visible-controls';

// The characters XML 1.0 forbids outright (§2.2 Char): C0 controls other than tab, LF and CR,
// U+FFFE, U+FFFF, and UTF-16 surrogates that are not part of a pair (with the `u` flag a paired
// surrogate is one code point above U+FFFF, so only lone halves match the range). Not even a
// character reference (`&#1;`) may name them, so they cannot be escaped, only replaced. DEL and the
// C1 controls (U+007F to U+009F) are allowed but "discouraged" (§2.2): a viewer may act on them, so
// they are replaced the same way.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&apos;',
  // A parser turns a raw CR (or CRLF) into LF; a reference keeps it.
  '\r': '&#13;',
};

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  ...TEXT_ESCAPES,
  // Attribute-value normalisation turns raw tab, LF and CR into spaces; references survive it.
  '\t': '&#9;', '\n': '&#10;',
};

/**
 * The text with every character XML 1.0 cannot hold replaced by a visible escape: U+0001 becomes the
 * six characters `\u0001`, so that a reader still sees that something was there.
 *
 * This is what a parser returns for a value written with `xmlText` or `xmlAttribute`.
 */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN, visibleEscape);
}

/**
 * The text as XML character data (an element's content): forbidden characters replaced (see
 * `xmlSafe`), markup characters and quotes escaped, CR kept as a reference.
 */
export function xmlText(text: string): string {
  return xmlSafe(text).replace(/[&<>"'\r]/g, (char) => TEXT_ESCAPES[char]);
}

/**
 * The text as an attribute value, for either quote: like `xmlText`, and tab, LF and CR written as
 * references so that attribute-value normalisation does not turn them into spaces.
 */
export function xmlAttribute(text: string): string {
  return xmlSafe(text).replace(/[&<>"'\t\n\r]/g, (char) => ATTRIBUTE_ESCAPES[char]);
}
