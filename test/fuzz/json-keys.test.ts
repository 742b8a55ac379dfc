import * as fc from 'fast-check';
import { dataKeyCount, duplicateJsonKeys, hasDuplicateJsonKeys, jsonShape, keyCountBound } from '../../lib/plan/source/json-index';

/**
 * A JSON plan is checked for repeated keys by setting a bound on the text's key count, found by search,
 * against the parsed data's count. The bound must never be below the text's true count (else a repeat
 * could pass unseen): random JSON texts with hostile keys and strings (quotes, colons, backslashes,
 * spaces around colons), with and without repeats; the bound is never short, and the verdict is the
 * full scan's.
 */

const SEED = 20261205;
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

/** Strings made of the characters that fool a careless scan. */
const TRICKY = fc.array(fc.constantFrom('a', 'k', ':', '"', '\\', ' ', '\n', '{', '}', '[', ']', ',', '\\"', 'é'), { maxLength: 6 }).map((p) => p.join(''));
/** Whitespace the text may put around a colon or a comma. */
const SPACE = fc.constantFrom('', ' ', '  ', '\n', '\r\n', '\t', ' \n  ');

interface Node { readonly text: string }

/** A JSON text of a random value, keys possibly repeated in one object. */
const VALUE: fc.Arbitrary<Node> = fc.letrec<{ value: Node; object: Node; array: Node }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    TRICKY.map((s) => ({ text: JSON.stringify(s) })),
    fc.constantFrom('1', '-2.5e3', 'true', 'null').map((text) => ({ text })),
    tie('object'), tie('array')),
  object: fc.array(fc.tuple(fc.constantFrom('k', 'a:', '"', 'k '), TRICKY, SPACE, SPACE, tie('value')), { maxLength: 4 })
    .map((members) => ({ text: `{${members.map(([pick, key, before, after, v]) => `${JSON.stringify(pick === 'k' ? 'k' : key)}${before}:${after}${v.text}`).join(',')}}` })),
  array: fc.array(tie('value'), { maxLength: 3 }).map((items) => ({ text: `[${items.map((i) => i.text).join(', ')}]` })),
})).object;

describe('the key-count bound of JSON text', () => {
  test('is never below the text\'s key count, and the duplicate verdict is the full scan\'s', () => {
    let repeats = 0;
    fc.assert(fc.property(VALUE, ({ text }) => {
      const data = JSON.parse(text) as unknown;
      expect(keyCountBound(text)).toBeGreaterThanOrEqual(jsonShape(text, Infinity).keys);
      const repeated = duplicateJsonKeys(text).length > 0;
      repeats += repeated ? 1 : 0;
      expect(hasDuplicateJsonKeys(text, data)).toBe(repeated);
      expect(dataKeyCount(data) === jsonShape(text, Infinity).keys).toBe(!repeated);
    }), { seed: SEED, numRuns: RUNS });
    // Repeats are generated often enough that both verdicts are checked.
    expect(repeats).toBeGreaterThan(RUNS / 10);
  });
});

describe('dataKeyCount', () => {
  test('counts every property, and gives -1 past the depth limit without walking deeper', () => {
    // Five levels: the outer object, the array, its second object, that object's "c", and "d"'s array.
    const text = '{"a": [{"b": 1}, {"c": {"d": []}}], "e": null}';
    const data = JSON.parse(text) as unknown;
    expect(dataKeyCount(data)).toBe(5);
    expect(dataKeyCount(data, 5)).toBe(5);
    expect(dataKeyCount(data, 4)).toBe(-1);
    // The same limit as the text scan that finds where a file is too deep.
    expect(jsonShape(text, 5).tooDeepAt).toBe(-1);
    expect(jsonShape(text, 4).tooDeepAt).toBe(text.indexOf('[]'));
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(dataKeyCount(deep, 32)).toBe(-1);
  });

  test('a colon that opens a string value makes the bound one too many, never too few', () => {
    const text = '{"port": ":8080", "x" :\n 1, "a\\\\": 2, "b": "\\":"}';
    expect(jsonShape(text, Infinity).keys).toBe(4);
    expect(keyCountBound(text)).toBe(5);
    expect(hasDuplicateJsonKeys(text, JSON.parse(text))).toBe(false);
  });
});
