import * as fc from 'fast-check';
import { CliRun, STACK_FRAME } from '../cli/helpers';

// The mutations the fuzz suites apply to real inputs, and the contract every run must keep.
// Each suite runs with a fixed seed, so a failure reproduces exactly; change the seed (or the run
// count) locally to explore further: `FUZZ_RUNS=2000 npx jest test/fuzz`.

/** The seed of every fuzz property: a failure in CI reproduces on any machine. */
export const SEED = 20261204;

/** Runs per property: small enough for CI, raised locally through `FUZZ_RUNS`. */
export function runs(ciRuns: number): number {
  const asked = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(asked) && asked > 0 ? asked : ciRuns;
}

/** Strings that break parsers, escapes and spreadsheets, beside any random text. */
const HOSTILE: readonly string[] = [
  '{', '}', '[', ']', ',', ':', '"', '\'', '\\', '\\u00', '\u0000', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u009b',
  '\u202e', '\u2028', '\ufeff', '\ud800', 'null', 'true', '-', '-0', '1e999', '0x1F', '/*', '//', '#', '\n', '\r\n', '\t',
  '!!js/function', '!!binary', '&a', '*a', '<<: *a', '---', '...', '? ', '- ', '|', '>', '%YAML 1.1', '=cmd|\'/c calc\'!A1',
  '+1', '@SUM(1)', '__proto__', 'constructor', 'prototype', '<script>', ']]>', 'VM', '東京-サーバ', 'Ω'.repeat(300),
];

/** A short text: hostile tokens, random characters of any plane, or both. */
export const nastyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.tuple(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 6 })).map(([a, b]) => a + b),
);

/** One edit of a text, positions as fractions of its length so that any text can take it. */
export type TextEdit =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly kind: 'truncate'; readonly at: number };

// A position as a fraction of the text, spread evenly (fc.double spreads over the bits of a float,
// which for [0, 1) means nearly always a tiny number: the start of the text).
const fraction = fc.noBias(fc.integer({ min: 0, max: 999_999 })).map((n) => n / 1_000_000);

/** A random edit of a text. */
export const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fraction, text: nastyText }),
  fc.record({ kind: fc.constant('delete' as const), at: fraction, length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fraction, length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fraction }),
);

/** Applies the edits, in order, to a text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of edits) {
    const at = Math.floor(edit.at * out.length);
    switch (edit.kind) {
      case 'insert':
        out = out.slice(0, at) + edit.text + out.slice(at);
        break;
      case 'delete':
        out = out.slice(0, at) + out.slice(at + edit.length);
        break;
      case 'duplicate':
        out = out.slice(0, at + edit.length) + out.slice(at, at + edit.length) + out.slice(at + edit.length);
        break;
      case 'truncate':
        out = out.slice(0, at);
        break;
    }
  }
  return out;
}

/** A random change of bytes: a few set to random values, or a slice cut out. */
export const byteEdits: fc.Arbitrary<readonly { readonly at: number; readonly value: number; readonly cut: number }[]> = fc.array(
  fc.record({ at: fraction, value: fc.integer({ min: 0, max: 255 }), cut: fc.constantFrom(0, 0, 0, 1, 16, 512) }),
  { minLength: 1, maxLength: 6 },
);

/** Applies byte edits to a copy of the bytes. */
export function applyByteEdits(bytes: Uint8Array, edits: readonly { readonly at: number; readonly value: number; readonly cut: number }[]): Buffer {
  let out = Buffer.from(bytes);
  for (const edit of edits) {
    const at = Math.floor(edit.at * out.length);
    out = edit.cut > 0 ? Buffer.concat([out.subarray(0, at), out.subarray(at + edit.cut)]) : out;
    if (edit.cut === 0 && at < out.length) {
      out[at] = edit.value;
    }
  }
  return out;
}

/** A JSON value to put where another was: any JSON, a hostile string, a huge number, a deep nest. */
export const replacementValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  nastyText,
  fc.constantFrom(null, -1, 0, 1e308, -1e-308, 2 ** 53 + 1, '', ' ', [], {}),
  fc.integer({ min: 1, max: 300 }).map((depth) => nest(depth)),
);

/** `depth` arrays, one inside the other. */
export function nest(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) {
    value = [value];
  }
  return value;
}

/**
 * Checks the command-line contract on one run: exit 0, 1 or 2, never a crash; exit 2 with a message
 * that names the file (or one of the files) and has no stack trace. Returns a description of the
 * breach, or undefined.
 */
export function contractBreach(run: () => CliRun, files: string | readonly string[], okStatuses: readonly number[]): string | undefined {
  const named = typeof files === 'string' ? [files] : files;
  let result: CliRun;
  try {
    result = run();
  } catch (e) {
    return `crashed: ${(e as Error).message.slice(0, 300)}`;
  }
  if (result.status === 2) {
    if (!named.some((file) => result.stderr.includes(file))) {
      return `exit 2 without naming ${named.join(' or ')}: ${result.stderr.slice(0, 300)}`;
    }
    if (STACK_FRAME.test(result.stderr)) {
      return `exit 2 with a stack trace: ${result.stderr.slice(0, 300)}`;
    }
    return undefined;
  }
  if (!okStatuses.includes(result.status)) {
    return `exit ${result.status}: ${result.stderr.slice(0, 300)}`;
  }
  return undefined;
}
