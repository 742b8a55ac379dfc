/**
 * Control characters (newlines and escape sequences among them) and bidi controls, which text from a
 * plan could use to move a terminal's cursor, recolour or rewrite what it shows, or reorder a line.
 */
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A character no report may write as it is, written as the six visible characters `\uXXXX` (its
 * UTF-16 code unit), so that a reader still sees that something was there.
 */
export function visibleEscape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * JSON text with DEL and the C1 controls (U+007F to U+009F) written as `\uXXXX` escapes. JSON.stringify
 * escapes only U+0000 to U+001F and leaves these raw, though a terminal or viewer acts on some of them;
 * they can only occur inside strings, and the escape decodes to the same character, so the JSON value
 * is unchanged.
 */
export function escapeJsonControls(json: string): string {
  // Looking costs a fraction of replacing, and almost no report holds one.
  return C1_CONTROL.test(json) ? json.replace(C1_CONTROLS, visibleEscape) : json;
}

const C1_CONTROL = /[\u007f-\u009f]/;
const C1_CONTROLS = /[\u007f-\u009f]/g;

/** Text from a plan as a terminal may show it on one line: every control character as a visible `\uXXXX`. */
export function visibleControls(text: string): string {
  return text.replace(CONTROLS, visibleEscape);
}
