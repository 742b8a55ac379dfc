/**
 * The longest value from a plan or an export (a name, a path, a cell) that a message shows whole. Real
 * names are far shorter (vSphere allows 80 characters, SMS 255 bytes); a longer one is cut, so that a
 * 100 MiB name in a broken file makes a one-line message, not 100 MiB of terminal output.
 */
export const MAX_SHOWN_VALUE = 200;

/** A value cut to MAX_SHOWN_VALUE characters, the last being `…` when something was cut. */
export function clipValue(text: string, max: number = MAX_SHOWN_VALUE): string {
  if (text.length <= max) {
    return text;
  }
  let end = max - 1;
  // Never half a surrogate pair.
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) {
    end--;
  }
  return `${text.slice(0, end)}…`;
}

// A quoted value, or a run of characters that are neither space nor the punctuation between a message's parts.
const LONG_VALUE = new RegExp(`"[^"]{${MAX_SHOWN_VALUE + 1},}"|[^\\s"():;,]{${MAX_SHOWN_VALUE + 1},}`, 'g');

/**
 * A message with each long value in it cut (see clipValue): a double-quoted part longer than
 * MAX_SHOWN_VALUE, or a run as long without spaces (prose has no such words).
 */
export function clipValues(message: string): string {
  if (message.length <= MAX_SHOWN_VALUE) {
    return message;
  }
  return message.replace(LONG_VALUE, (value) => (value.startsWith('"') && value.endsWith('"') && value.length > 1
    ? `"${clipValue(value.slice(1, -1))}"`
    : clipValue(value)));
}

/** The longest message line shown whole: room for a sentence and a few values at their longest. */
export const MAX_MESSAGE = 4000;
