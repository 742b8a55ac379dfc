import { visibleEscape } from '../private/visible-controls';

/**
 * Everything the page must not show as the plan wrote it: the five characters that end text or an
 * attribute, controls HTML forbids (C0 but tab, newline and return; DEL; C1), bidi embeddings,
 * overrides and isolates (a name could reorder the page around it), noncharacters and lone
 * surrogates.
 */
const UNSAFE = new RegExp([
  '[&<>"\'\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069\\ufdd0-\\ufdef\\ufffe\\uffff]',
  '[\\ud800-\\udbff](?![\\udc00-\\udfff])',
  '(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
].join('|'), 'g');
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\'': '&#39;' };

/**
 * The one escape for every piece of plan text, in element content and in (double-quoted) attribute
 * values alike. Controls and bidi characters become a visible `\uXXXX` so the reader sees that the
 * name holds one; a lone surrogate (which UTF-8 cannot carry) becomes U+FFFD.
 */
export function escapeHtml(text: unknown): string {
  return String(text).replace(UNSAFE, (c) => {
    const entity = ENTITIES[c];
    if (entity !== undefined) {
      return entity;
    }
    const code = c.charCodeAt(0);
    return code >= 0xd800 && code <= 0xdfff ? '\ufffd' : visibleEscape(c);
  });
}
