import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { formatPlanIssue, formatPlanPath } from '../../lib/plan';
import { duplicateJsonKeys, hasDuplicateJsonKeys, JsonLocator } from '../../lib/plan/source/json-index';
import { collapseErrors, schemaProblems } from '../../lib/plan/schema/schema-messages';
import { closest, editDistance } from '../../lib/plan/load/suggest';
import { YamlLocator } from '../../lib/plan/source/yaml-locator';
import { parseYaml } from '../../lib/plan/source/yaml-source';
import { FIXTURES } from './helpers';

/** Every path in a JSON value, outermost first. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) {
    value.forEach((item, i) => paths(item, [...at, i], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      paths(item, [...at, key], out);
    }
  }
  return out;
}

describe('the JSON locator', () => {
  test('finds every path of the example plan where the yaml parser does', () => {
    // GIVEN the example as JSON, located both ways
    const text = fs.readFileSync(path.join(FIXTURES, 'inventory-example.json'), 'utf8');
    const parsed = parseYaml(text);
    const yaml = new YamlLocator(parsed.doc, parsed.lines);
    const json = new JsonLocator(text);
    // THEN
    const all = paths(JSON.parse(text));
    expect(all.length).toBeGreaterThan(100);
    for (const p of all) {
      expect({ p, field: json.fieldPosition(p), value: json.valuePosition(p) })
        .toEqual({ p, field: yaml.fieldPosition(p), value: yaml.valuePosition(p) });
      expect({ p, source: json.scalarSource(p) }).toEqual({ p, source: yaml.scalarSource(p) });
    }
  });

  test('handles escaped keys and strings, empty containers, and paths that do not exist', () => {
    const text = '{"a\\"b": {"x\\\\": []}, "c": "\\"}{", "d": {}, "e": [1, [2, 3]]}';
    const json = new JsonLocator(text);
    expect(json.fieldPosition(['a"b', 'x\\'])).toEqual({ line: 1, column: 11 });
    expect(json.fieldPosition(['e', 1, 1])).toEqual({ line: 1, column: 58 });
    expect(json.fieldPosition(['d', 'missing'])).toEqual({ line: 1, column: 36 });
    expect(json.fieldPosition(['c', 'deeper'])).toEqual({ line: 1, column: 23 });
    expect(json.scalarSource(['c'])).toBe('"}{');
    expect(json.scalarSource(['e', 1, 0])).toBe('2');
    expect(json.scalarSource(['c', 'deeper'])).toBeUndefined();
    expect(new JsonLocator('  ').fieldPosition([])).toBeUndefined();
  });

  test('finds duplicate keys only when there are some', () => {
    const text = '{"a": {"k": 1, "k": 2}, "b": [{"k": 1}, {"k": 1, "j": {"x": ":", "x": "\\":"}}]}';
    expect(hasDuplicateJsonKeys(text, JSON.parse(text))).toBe(true);
    expect(duplicateJsonKeys(text).map((d) => d.path)).toEqual([['a', 'k'], ['b', 1, 'j', 'x']]);
    const clean = '{"a": {"k": "a:b"}, "b": [{"k": 1}, {"k": 1}]}';
    expect(hasDuplicateJsonKeys(clean, JSON.parse(clean))).toBe(false);
  });
});

describe('collapsing ajv errors', () => {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });

  function said(schema: object, data: unknown): string[] {
    const validate = ajv.compile(schema);
    validate(data);
    return schemaProblems(validate.errors ?? [], { data, schema: schema as Record<string, unknown>, yaml: false })
      .map((p) => (p.path.length === 0 ? p.message : `${formatPlanPath(p.path)}: ${p.message}`));
  }

  test('keeps only the errors of the anyOf branch whose type matched', () => {
    const schema = { anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'object', properties: { n: { type: 'number' } } }] };
    expect(said(schema, { n: 'x' })).toEqual(['n: expected a number, got string "x"']);
    expect(said(schema, 'c')).toEqual(['must be one of a, b (got "c")']);
  });

  test('says one type error when no branch matched the type', () => {
    const schema = { properties: { v: { oneOf: [{ type: 'string' }, { type: 'array' }] } } };
    expect(said(schema, { v: 5 })).toEqual(['v: expected a string or an array, got number 5']);
  });

  test('drops the if error and keeps what then requires', () => {
    const schema = { if: { properties: { p: { const: 'icmp' } } }, then: { not: { required: ['port'] } } };
    expect(collapseErrors((() => {
      const v = ajv.compile(schema);
      v({ p: 'icmp', port: 1 });
      return v.errors ?? [];
    })()).map((e) => e.keyword)).toEqual(['not']);
  });

  test('drops exact repeats', () => {
    const schema = { allOf: [{ properties: { a: { type: 'string' } } }, { properties: { a: { type: 'string' } } }] };
    expect(said(schema, { a: 1 })).toEqual(['a: expected a string, got number 1 (quote it: "1")']);
  });
});

describe('suggestions', () => {
  test('counts a transposition as one edit and ignores case', () => {
    expect(editDistance('verison', 'version')).toBe(1);
    expect(editDistance('FrequencyHours', 'frequencyHours')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
  });

  test('suggests only a close and unambiguous candidate', () => {
    expect(closest('verison', ['version', 'vms'])).toBe('version');
    expect(closest('colour', ['name', 'sizeGiB'])).toBeUndefined();
    expect(closest('SMS-JOB9', ['SMS-JOB1', 'SMS-JOB2'])).toBeUndefined();
    expect(closest('vm', ['vms'])).toBe('vms');
  });
});

describe('formatting', () => {
  test('writes paths in the plan\'s notation', () => {
    expect(formatPlanPath(['vms', 3, 'os', 'family'])).toBe('vms[3].os.family');
    expect(formatPlanPath([])).toBe('');
    expect(formatPlanPath(['vms', 0, 'os name'])).toBe('vms[0]["os name"]');
    expect(formatPlanPath(['$schema'])).toBe('$schema');
  });

  test('writes issues as FILE:LINE:COLUMN: PATH: MESSAGE, leaving out what is unknown', () => {
    expect(formatPlanIssue({ file: 'p.json', path: 'vms[0].name', line: 3, column: 7, message: 'm' })).toBe('p.json:3:7: vms[0].name: m');
    expect(formatPlanIssue({ file: 'p.json', path: '', line: 3, message: 'm' })).toBe('p.json:3: m');
    expect(formatPlanIssue({ file: 'p.json', path: 'vms', message: 'm' })).toBe('p.json: vms: m');
    expect(formatPlanIssue({ file: 'p.json', path: '', message: 'm' })).toBe('p.json: m');
  });
});
