/**
 * Quoting of one argument for the command lines this library writes into files for people to paste:
 * POSIX sh and Windows PowerShell. Each function returns text that the shell reads back as exactly
 * the string given, whatever it holds (quotes, blanks, `$`, backticks, `;`, line breaks).
 */

/** Text that needs no quoting in sh: it holds no character the shell gives a meaning to. */
const SH_PLAIN = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * The argument as one sh word: left as it is when it holds only plain characters, else in single
 * quotes, where sh gives no character a meaning; a single quote inside is written `'\''` (close the
 * quotes, an escaped quote, reopen them).
 */
export function shQuote(value: string): string {
  if (SH_PLAIN.test(value)) {
    return value;
  }
  return `'${value.replace(/'/g, '\'\\\'\'')}'`;
}

/**
 * The quote characters PowerShell ends a single-quoted string on: the ASCII apostrophe and the
 * typographic single quotes U+2018 to U+201B, which PowerShell treats the same way.
 */
const PS_SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;

/**
 * The argument as a PowerShell single-quoted string literal, in which only a single quote has a
 * meaning: each one (ASCII or typographic) is doubled. `$`, backticks, `;` and double quotes are
 * plain characters there.
 */
export function psQuote(value: string): string {
  return `'${value.replace(PS_SINGLE_QUOTES, (quote) => quote + quote)}'`;
}

/**
 * The argument as Windows programs built on the Microsoft C runtime split their command line
 * (`CommandLineToArgvW` rules): in double quotes, a double quote inside escaped with a backslash,
 * and the backslashes that precede a double quote (or the closing one) doubled.
 *
 * Used to build the one command-line string handed to `Start-Process -ArgumentList`, which passes it
 * unchanged in every PowerShell version, where PowerShell's own passing of arguments to programs
 * drops embedded double quotes before 7.3.
 */
export function windowsArgQuote(value: string): string {
  let out = '"';
  let backslashes = 0;
  for (const ch of value) {
    if (ch === '\\') {
      backslashes++;
      continue;
    }
    if (ch === '"') {
      out += '\\'.repeat(backslashes * 2 + 1) + '"';
    } else {
      out += '\\'.repeat(backslashes) + ch;
    }
    backslashes = 0;
  }
  return `${out}${'\\'.repeat(backslashes * 2)}"`;
}
