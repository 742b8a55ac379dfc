// Why this scanner is hand-written (measured against kept libraries on a 10,000-VM plan, see
// docs/architecture.md): JSON.parse plus this scan costs 1.3x JSON.parse alone, where jsonc-parser
// costs 3-17x, momoa 29x and the yaml package 104x; and on eleven kinds of broken plan this scanner
// points at the mistake in ten with a sentence naming the key, where the libraries manage three to six
// and the yaml parser accepts seven of them as valid YAML with a different meaning.

import { positionAt } from './text-position';

/** The first syntax error of a JSON text. */
export interface JsonSyntaxError {
  /** Character offset of the error. */
  readonly offset: number;
  /** What is wrong, lowercase, no trailing period. */
  readonly message: string;
}

interface Frame {
  readonly array: boolean;
  readonly open: number;
  key: string;
}

const VALUE = 0;
const KEY = 1;
const AFTER = 2;

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WORD = /[A-Za-z_$][A-Za-z0-9_$]*/y;
const TOKEN = /[^\s,:{}[\]"]{1,40}/y;
const HEX4 = /^[0-9a-fA-F]{4}$/;
const VALUE_KINDS = 'a string in double quotes, a number, true, false, null, an object or an array';

/**
 * Finds the first syntax error of a JSON text (RFC 8259), with its offset and a message that says what
 * was expected, in one pass that builds no values; undefined when the text is JSON. `JSON.parse` stays
 * the parser: this runs only when it fails, because in Node 20 many of its messages carry no position.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const n = text.length;
  const stack: Frame[] = [];
  let pos = 0;
  let lastComma = -1;

  const skipSpace = (): void => {
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        pos++;
      } else {
        return;
      }
    }
  };
  const fail = (offset: number, message: string): JsonSyntaxError => ({ offset, message });
  const describeAt = (at: number): string => {
    if (text[at] === '"') {
      const end = text.indexOf('"', at + 1);
      const newline = text.indexOf('\n', at);
      if (end !== -1 && (newline === -1 || end < newline) && end - at < 40) {
        return text.slice(at, end + 1);
      }
    }
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    return m ? m[0] : `'${text[at]}'`;
  };
  // What is wrong with the character at `at`, where `expected` was due.
  const unexpected = (at: number, expected: string): JsonSyntaxError => {
    if (text[at] === '/' && (text[at + 1] === '/' || text[at + 1] === '*')) {
      return fail(at, 'comments are not allowed in JSON (remove them, or write the plan in YAML)');
    }
    return fail(at, `expected ${expected}, got ${describeAt(at)}`);
  };
  const endOfFile = (expected: string): JsonSyntaxError => {
    const top = stack[stack.length - 1];
    let message = `unexpected end of the file: expected ${expected}`;
    if (top) {
      const open = positionAt(text, top.open);
      message += ` (the ${top.array ? 'array' : 'object'} opened at line ${open.line}, column ${open.column} is not closed)`;
    }
    return fail(n, message);
  };
  // Scans a string starting at `pos` (a double quote); leaves `pos` after it.
  const scanString = (): JsonSyntaxError | undefined => {
    const start = pos;
    let i = pos + 1;
    for (;;) {
      if (i >= n) {
        return { offset: start, message: 'unterminated string: the closing double quote is missing' };
      }
      const c = text.charCodeAt(i);
      if (c === 34) {
        pos = i + 1;
        return undefined;
      }
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!HEX4.test(text.substr(i + 2, 4))) {
            return { offset: i, message: 'invalid \\u escape in string: it needs 4 hex digits' };
          }
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) {
          i += 2;
        } else {
          return { offset: i, message: `invalid escape \\${e ?? ''} in string (JSON allows \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)` };
        }
        continue;
      }
      if (c < 0x20) {
        if (c === 10 || c === 13) {
          return { offset: start, message: 'unterminated string: it runs to the end of the line (close it, or write a line break as \\n)' };
        }
        return { offset: i, message: `unescaped control character U+${c.toString(16).padStart(4, '0').toUpperCase()} in string` };
      }
      i++;
    }
  };

  let state = VALUE;
  skipSpace();
  for (;;) {
    if (state === VALUE) {
      skipSpace();
      if (pos >= n) {
        return endOfFile('a value');
      }
      const c = text.charCodeAt(pos);
      if (c === 123 || c === 91) {
        const array = c === 91;
        stack.push({ array, open: pos, key: '' });
        pos++;
        skipSpace();
        if (text.charCodeAt(pos) === (array ? 93 : 125)) {
          stack.pop();
          pos++;
          state = AFTER;
        } else {
          state = array ? VALUE : KEY;
        }
      } else if (c === 34) {
        const error = scanString();
        if (error) {
          return error;
        }
        state = AFTER;
      } else if (c === 45 || (c >= 48 && c <= 57)) {
        NUMBER.lastIndex = pos;
        const m = NUMBER.exec(text);
        const end = m ? pos + m[0].length : pos;
        const next = text[end];
        if (!m || (next !== undefined && /[0-9.eE+\-A-Za-z_]/.test(next))) {
          const bad = describeAt(pos);
          return fail(pos, /^-?0[0-9]/.test(bad) ? `numbers cannot start with 0 in JSON (got ${bad})` : `invalid number ${bad}`);
        }
        pos = end;
        state = AFTER;
      } else if (c === 39) {
        return fail(pos, 'strings must be in double quotes in JSON, not single quotes');
      } else {
        WORD.lastIndex = pos;
        const m = WORD.exec(text);
        if (!m) {
          return unexpected(pos, `a value (${VALUE_KINDS})`);
        }
        const word = m[0];
        if (word !== 'true' && word !== 'false' && word !== 'null') {
          const lower = word.toLowerCase();
          const hint = lower === 'true' || lower === 'false' || lower === 'null' ? ` (did you mean ${lower}?)` : '';
          return fail(pos, `expected a value (${VALUE_KINDS}), got ${word}${hint}`);
        }
        pos += word.length;
        state = AFTER;
      }
    } else if (state === KEY) {
      skipSpace();
      if (pos >= n) {
        return endOfFile('a property name in double quotes');
      }
      const c = text.charCodeAt(pos);
      if (c === 34) {
        const start = pos;
        const error = scanString();
        if (error) {
          return error;
        }
        const raw = text.slice(start + 1, pos - 1);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        stack[stack.length - 1].key = key;
        skipSpace();
        if (text.charCodeAt(pos) !== 58) {
          return pos >= n ? endOfFile(`':' after the property name "${key}"`) : unexpected(pos, `':' after the property name "${key}"`);
        }
        pos++;
        state = VALUE;
      } else if (c === 125) {
        return fail(lastComma, 'trailing comma before \'}\' (JSON does not allow it)');
      } else if (c === 39) {
        return fail(pos, 'property names must be in double quotes in JSON, not single quotes');
      } else {
        WORD.lastIndex = pos;
        const m = WORD.exec(text);
        if (m) {
          return fail(pos, `property names must be in double quotes in JSON (got ${m[0]})`);
        }
        return unexpected(pos, 'a property name in double quotes');
      }
    } else {
      skipSpace();
      const top = stack[stack.length - 1];
      if (!top) {
        return pos < n ? unexpected(pos, 'the end of the file after the JSON value') : undefined;
      }
      const close = top.array ? 93 : 125;
      const expected = top.array ? '\',\' or \']\' after an array element' : `',' or '}' after the value of "${top.key}"`;
      if (pos >= n) {
        return endOfFile(expected);
      }
      const c = text.charCodeAt(pos);
      if (c === 44) {
        lastComma = pos;
        pos++;
        if (top.array) {
          skipSpace();
          if (text.charCodeAt(pos) === 93) {
            return fail(lastComma, 'trailing comma before \']\' (JSON does not allow it)');
          }
          state = VALUE;
        } else {
          state = KEY;
        }
      } else if (c === close) {
        stack.pop();
        pos++;
      } else {
        return unexpected(pos, expected);
      }
    }
  }
}
