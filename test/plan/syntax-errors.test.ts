import * as fs from 'fs';
import * as path from 'path';
import { findJsonSyntaxError } from '../../lib/plan/source/json-scan';
import { FIXTURES, issuesOf } from './helpers';

/** The single issue a text gives, as `LINE:COLUMN MESSAGE`. */
function only(text: string, file: string): string {
  const issues = issuesOf(text, file);
  expect(issues).toHaveLength(1);
  expect(issues[0].path).toBe('');
  expect(issues[0].file).toBe(file);
  return `${issues[0].line}:${issues[0].column} ${issues[0].message}`;
}

describe('JSON syntax errors', () => {
  test('fails on a trailing comma, pointing at the comma', () => {
    expect(only('{\n  "version": 1,\n  "vms": [],\n}', 'plan.json')).toBe("3:12 invalid JSON: trailing comma before '}' (JSON does not allow it)");
    expect(only('{"vms": [1, 2,]}', 'plan.json')).toBe("1:14 invalid JSON: trailing comma before ']' (JSON does not allow it)");
  });

  test('fails on comments, as in the jsonc of the documentation', () => {
    expect(only('{\n  "version": 1, // required\n  "vms": []\n}', 'plan.json'))
      .toBe('2:17 invalid JSON: comments are not allowed in JSON (remove them, or write the plan in YAML)');
    expect(only('/* plan */ {}', 'plan.json')).toBe('1:1 invalid JSON: comments are not allowed in JSON (remove them, or write the plan in YAML)');
  });

  test('fails on a missing comma, naming the property before it', () => {
    expect(only('{\n  "version": 1\n  "vms": []\n}', 'plan.json')).toBe('3:3 invalid JSON: expected \',\' or \'}\' after the value of "version", got "vms"');
  });

  test('fails on an unclosed object at the end of the file, saying where it opened', () => {
    expect(only('{\n  "version": 1,\n  "vms": [\n', 'plan.json'))
      .toBe('4:1 invalid JSON: unexpected end of the file: expected a value (the array opened at line 3, column 10 is not closed)');
  });

  test('fails on an unterminated string, pointing at its start', () => {
    expect(only('{\n  "version": 1,\n  "vms": [{"name": "web-01}]\n}', 'plan.json'))
      .toBe('3:20 invalid JSON: unterminated string: it runs to the end of the line (close it, or write a line break as \\n)');
  });

  test('fails on words JSON does not have', () => {
    expect(only('{"version": tru}', 'plan.json'))
      .toBe('1:13 invalid JSON: expected a value (a string in double quotes, a number, true, false, null, an object or an array), got tru');
    expect(only('{"a": True}', 'plan.json')).toMatch(/got True \(did you mean true\?\)$/);
    expect(only('{"a": NaN}', 'plan.json')).toMatch(/got NaN$/);
  });

  test('fails on single quotes and unquoted property names', () => {
    expect(only("{'version': 1}", 'plan.json')).toBe('1:2 invalid JSON: property names must be in double quotes in JSON, not single quotes');
    expect(only('{version: 1}', 'plan.json')).toBe('1:2 invalid JSON: property names must be in double quotes in JSON (got version)');
    expect(only("{\"a\": 'b'}", 'plan.json')).toBe('1:7 invalid JSON: strings must be in double quotes in JSON, not single quotes');
  });

  test('fails on bad numbers, escapes and content after the value', () => {
    expect(only('{"a": 01}', 'plan.json')).toBe('1:7 invalid JSON: numbers cannot start with 0 in JSON (got 01)');
    expect(only('{"a": 1.}', 'plan.json')).toBe('1:7 invalid JSON: invalid number 1.');
    expect(only('{"a": "\\x"}', 'plan.json')).toMatch(/^1:8 invalid JSON: invalid escape \\x in string/);
    expect(only('{"a": 1} {"b": 2}', 'plan.json')).toBe('1:10 invalid JSON: expected the end of the file after the JSON value, got \'{\'');
  });

  test('counts columns in characters, not bytes', () => {
    expect(only('{"nom": "été", x}', 'plan.json')).toMatch(/^1:16 /);
  });

  test('agrees with JSON.parse on every truncation and every one-character deletion of a real plan', () => {
    // GIVEN the INVENTORY.md example and many broken variants of it
    const text = fs.readFileSync(path.join(FIXTURES, 'inventory-example.json'), 'utf8');
    const variants: string[] = [];
    for (let i = 0; i < text.length; i += 7) {
      variants.push(text.slice(0, i), text.slice(0, i) + text.slice(i + 1));
    }
    // THEN the scanner finds an error exactly when JSON.parse does
    for (const variant of variants) {
      let parses = true;
      try {
        JSON.parse(variant);
      } catch {
        parses = false;
      }
      expect({ variant, error: findJsonSyntaxError(variant) !== undefined }).toEqual({ variant, error: !parses });
    }
  });
});

describe('YAML syntax errors', () => {
  test('fails on bad indentation with line and column', () => {
    expect(only('version: 1\nvms:\n  - name: a\n   hypervisor: vmware\n', 'plan.yaml'))
      .toMatch(/^4:1 invalid YAML: /);
  });

  test('fails on an unclosed flow sequence', () => {
    expect(only('version: 1\nvms: [\n', 'plan.yaml')).toMatch(/^3:1 invalid YAML: .*\]/);
  });

  test('fails on tabs as indentation', () => {
    expect(only('version: 1\nvms:\n\t- name: a\n', 'plan.yaml')).toBe('3:1 invalid YAML: tabs are not allowed as indentation');
  });

  test('fails on more than one document', () => {
    expect(only('version: 1\nvms: []\n---\nversion: 1\n', 'plan.yaml'))
      .toBe('3:1 invalid YAML: the file holds more than one YAML document; a plan is one document (remove the "---" line, or split the file)');
  });

  test('fails on an alias to no anchor', () => {
    expect(only('version: 1\nvms:\n  - *web\n', 'plan.yaml')).toBe('3:5 invalid YAML: unknown alias *web (no anchor &web before it)');
  });

  test('fails on a tag it does not know, rather than dropping it silently', () => {
    expect(only('version: 1\nvms:\n  - name: !vault abc\n', 'plan.yaml'))
      .toBe('3:11 invalid YAML: the tag !vault is not allowed: a plan holds plain YAML values (strings, numbers, booleans, lists and maps), without tags');
  });

  test('fails on a core tag it does not know, naming it as written (not "unknown tag tag")', () => {
    // GIVEN the tag of a YAML exploit, which the parser reports resolved (tag:yaml.org,2002:js/function)
    const text = 'version: 1\nvms:\n  - name: !!js/function "function () {}"\n';
    // WHEN
    const message = only(text, 'plan.yaml');
    // THEN
    expect(message).toBe('3:11 invalid YAML: the tag !!js/function is not allowed: a plan holds plain YAML values '
      + '(strings, numbers, booleans, lists and maps), without tags');
  });

  test('fails on a key that is a list or a map, rather than turning it into text with a process warning', () => {
    // GIVEN complex keys, which YAML allows and JSON-shaped data cannot hold
    const warn = jest.spyOn(process, 'emitWarning');
    // WHEN / THEN
    expect(only('version: 1\n? [a, b]\n: 1\nvms: []\n', 'plan.yaml')).toBe('2:3 invalid YAML: a key must be a plain name, not a list');
    expect(only('version: 1\nvms:\n  - ? {a: 1}\n    : x\n', 'plan.yaml')).toBe('3:7 invalid YAML: a key must be a plain name, not a map');
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  test('fails on an alias explosion (billion laughs) at the alias limit, without expanding it', () => {
    // GIVEN nested aliases that would expand to 10^6 values
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, inner] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e']]) {
      lines.push(`${name}: &${name} [${Array(10).fill(`*${inner}`).join(', ')}]`);
    }
    // WHEN
    const message = only(lines.join('\n'), 'bomb.yaml');
    // THEN the limit stops it (no timing asserted: a busy machine is slow, the limit is what keeps it quick)
    expect(message).toMatch(/^undefined:undefined invalid YAML: too many alias expansions \(an anchor may be expanded at most 10000 times/);
  });

  test('reports every YAML syntax error at once', () => {
    const issues = issuesOf('version: 1\nvms:\n  - name: "a\n', 'plan.yaml');
    expect(issues.length).toBeGreaterThanOrEqual(1);
    expect(issues.every((i) => i.message.startsWith('invalid YAML: ') && i.line !== undefined)).toBe(true);
  });
});

describe('duplicate keys', () => {
  test('fails on a YAML key written twice, naming the field and both lines, with the schema issues', () => {
    // GIVEN a VM whose os is written twice, and a wrong firmware
    const text = 'version: 1\nvms:\n  - name: a\n    hypervisor: vmware\n    os: {family: linux}\n    os: {family: windows}\n    firmware: efi\n';
    // WHEN
    const issues = issuesOf(text, 'plan.yaml');
    // THEN
    expect(issues.map((i) => `${i.line}:${i.column} ${i.path}: ${i.message}`)).toEqual([
      '6:5 vms[0].os: duplicate key "os" (first at line 5): a key may appear once in an object',
      '7:15 vms[0].firmware: must be one of bios, uefi (got "efi")',
    ]);
  });

  test('fails on a JSON key written twice, which JSON.parse would silently take the last of', () => {
    const text = '{\n  "version": 1,\n  "vms": [{"name": "a", "hypervisor": "vmware", "name": "b"}]\n}';
    const issues = issuesOf(text, 'plan.json');
    expect(issues).toEqual([{ file: 'plan.json', path: 'vms[0].name', line: 3, column: 49,
      message: 'duplicate key "name" (first at line 3, column 12): a key may appear once in an object' }]);
  });
});

describe('nesting', () => {
  const TOO_DEEP = 'objects and arrays nest more than 32 levels deep: a plan may nest at most 32 (the plan format itself needs 7)';

  test('fails on JSON nested 6,000 levels deep with a message, not a stack overflow', () => {
    // GIVEN an unknown field holding arrays 6,000 deep
    const text = `{"version": 1, "vms": [], "x": ${'['.repeat(6000)}${']'.repeat(6000)}}`;
    // WHEN
    const message = only(text, 'deep.json');
    // THEN the 33rd level (the first too deep) is pointed at
    expect(message).toBe(`1:${'{"version": 1, "vms": [], "x": '.length + 32} ${TOO_DEEP}`);
  });

  test('fails on block-style YAML nested 2,000 levels deep', () => {
    // GIVEN maps in maps, each indented one more space
    const lines = ['version: 1', 'vms: []', 'x:'];
    for (let i = 1; i <= 2000; i++) {
      lines.push(`${' '.repeat(i)}a:`);
    }
    lines.push(`${' '.repeat(2001)}b: 1`);
    // WHEN
    const message = only(`${lines.join('\n')}\n`, 'deep.yaml');
    // THEN
    expect(message).toBe(`35:33 ${TOO_DEEP}`);
  });

  test('fails on flow-style and compact YAML nested 2,000 levels deep', () => {
    expect(only(`version: 1\nvms: []\nx: ${'['.repeat(2000)}${']'.repeat(2000)}\n`, 'deep.yaml')).toBe(`3:35 ${TOO_DEEP}`);
    expect(only(`version: 1\nvms: []\nx:\n${'- '.repeat(2000)}1\n`, 'deep.yaml')).toBe(`4:63 ${TOO_DEEP}`);
  });

  test('fails on YAML made deep by aliases of anchors that nest each other', () => {
    // GIVEN 4 anchors, each 10 levels deep around an alias of the one before: 41 levels once expanded
    const lines = ['a0: &a0 [1]'];
    for (let i = 1; i <= 4; i++) {
      lines.push(`a${i}: &a${i} ${'['.repeat(10)}*a${i - 1}${']'.repeat(10)}`);
    }
    // WHEN
    const message = only(`version: 1\nvms: []\nx:\n${lines.map((l) => `  ${l}`).join('\n')}\n`, 'aliases.yaml');
    // THEN
    expect(message).toBe(`undefined:undefined ${TOO_DEEP.replace('deep:', 'deep once its aliases are expanded:')}`);
  });

  test('accepts 32 levels, the limit', () => {
    // GIVEN an unknown field 30 levels deep inside the file's object and "x" (32 in all)
    const issues = issuesOf(`{"version": 1, "vms": [], "x": ${'['.repeat(31)}${']'.repeat(31)}}`, 'deep.json');
    // THEN the schema, not the depth, is what is wrong
    expect(issues.map((i) => i.message)).not.toContain(TOO_DEEP);
    expect(issues.map((i) => i.path)).toContain('x');
  });
});
