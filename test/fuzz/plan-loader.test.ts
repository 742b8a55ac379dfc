import * as fs from 'fs';
import * as path from 'path';
import * as fc from 'fast-check';
import { stringify as toYaml } from 'yaml';
import { EXAMPLE, removeTempDirs, run, tempDir } from '../cli/helpers';
import { applyEdits, contractBreach, replacementValue, runs, SEED, textEdit } from './mutations';

// Mutated plans through `cdk-sms assess`: whatever the file holds, the command assesses it (exit 0
// or 1, with a JSON report) or refuses it as input (exit 2, naming the file), and never crashes.

const EXAMPLE_TEXT = fs.readFileSync(EXAMPLE, 'utf8');
const EXAMPLE_PLAN = JSON.parse(EXAMPLE_TEXT) as unknown;

let dir: string;
let counter = 0;

let warnings: jest.SpyInstance;

beforeAll(() => {
  dir = tempDir();
  // A library warning on the process's output is noise in the user's terminal: none may be raised.
  warnings = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
});

afterAll(() => {
  removeTempDirs();
  warnings.mockRestore();
});

/** Writes a plan text to a fresh file of the given extension. */
function planFile(text: string, extension: 'json' | 'yaml'): string {
  counter++;
  const file = path.join(dir, `plan-${counter}.${extension}`);
  fs.writeFileSync(file, text);
  return file;
}

/** Assesses the file; the breach of the contract, if any. */
function assessBreach(file: string): string | undefined {
  let stdout = '';
  const breach = contractBreach(() => {
    const result = run(['assess', file, '--format', 'json']);
    stdout = result.stdout;
    return result;
  }, file, [0, 1]);
  if (breach === undefined && stdout !== '') {
    try {
      JSON.parse(stdout);
    } catch {
      return `exit 0/1 with a report that is not JSON: ${stdout.slice(0, 200)}`;
    }
  }
  fs.rmSync(file, { force: true });
  if (breach === undefined && warnings.mock.calls.length > 0) {
    return `a process warning: ${String(warnings.mock.calls[0][0]).slice(0, 200)}`;
  }
  return breach;
}

/** Every path to a value of a JSON document (objects by key, arrays by index). */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      pathsOf(item, [...prefix, key], out);
    }
  }
  return out;
}

const PATHS = pathsOf(EXAMPLE_PLAN).filter((p) => p.length > 0);

/** One structural change of the plan: a value replaced or removed, or a key added. */
type Change = { readonly path: number; readonly kind: 'replace' | 'remove' | 'add'; readonly value: unknown; readonly key: string };

const change: fc.Arbitrary<Change> = fc.record({
  path: fc.nat({ max: PATHS.length - 1 }),
  kind: fc.constantFrom('replace' as const, 'remove' as const, 'add' as const),
  value: replacementValue,
  key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'wave', 'name', ''), fc.string({ maxLength: 8 })),
});

/** The example plan with the changes made, as a fresh object. */
function changed(changes: readonly Change[]): unknown {
  const plan = JSON.parse(EXAMPLE_TEXT) as Record<string, unknown>;
  for (const c of changes) {
    const at = PATHS[c.path];
    let parent: unknown = plan;
    for (const step of at.slice(0, -1)) {
      parent = parent !== null && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[step] : undefined;
    }
    if (parent === null || typeof parent !== 'object') {
      continue;
    }
    const last = at[at.length - 1];
    const container = parent as Record<string | number, unknown>;
    if (c.kind === 'replace') {
      container[last] = c.value;
    } else if (c.kind === 'remove') {
      if (Array.isArray(container)) {
        container.splice(Number(last), 1);
      } else {
        delete container[last];
      }
    } else {
      const target = container[last];
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
        Object.defineProperty(target, c.key, { value: c.value, enumerable: true, writable: true, configurable: true });
      }
    }
  }
  return plan;
}

describe('fuzz: the plan loader and assess', () => {
  test('a JSON plan edited as text is assessed or refused, never a crash', () => {
    fc.assert(fc.property(fc.array(textEdit, { minLength: 1, maxLength: 4 }), (edits) => {
      const breach = assessBreach(planFile(applyEdits(EXAMPLE_TEXT, edits), 'json'));
      expect(breach).toBeUndefined();
    }), { seed: SEED, numRuns: runs(300) });
  });

  test('a YAML plan edited as text is assessed or refused, never a crash', () => {
    const yamlText = toYaml(EXAMPLE_PLAN);
    fc.assert(fc.property(fc.array(textEdit, { minLength: 1, maxLength: 4 }), (edits) => {
      const breach = assessBreach(planFile(applyEdits(yamlText, edits), 'yaml'));
      expect(breach).toBeUndefined();
    }), { seed: SEED, numRuns: runs(300) });
  });

  test('a plan with values replaced, removed or added is assessed or refused, never a crash', () => {
    fc.assert(fc.property(fc.array(change, { minLength: 1, maxLength: 5 }), fc.boolean(), (changes, asYaml) => {
      const plan = changed(changes);
      const text = asYaml ? toYaml(plan, { aliasDuplicateObjects: false }) : JSON.stringify(plan, null, 2);
      const breach = assessBreach(planFile(text, asYaml ? 'yaml' : 'json'));
      expect(breach).toBeUndefined();
    }), { seed: SEED, numRuns: runs(300) });
  });

  test('a plan nested to any depth is assessed or refused, never a crash', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('json', 'yaml-flow', 'yaml-block'), (depth, style) => {
      let text: string;
      if (style === 'json') {
        text = JSON.stringify(EXAMPLE_PLAN).replace(/}$/, `,"extra":${'['.repeat(depth)}1${']'.repeat(depth)}}`);
      } else if (style === 'yaml-flow') {
        text = `${toYaml(EXAMPLE_PLAN)}extra: ${'['.repeat(depth)}1${']'.repeat(depth)}\n`;
      } else {
        text = `${toYaml(EXAMPLE_PLAN)}extra:\n${Array.from({ length: Math.min(depth, 3000) }, (_, i) => `${' '.repeat(i + 1)}k:`).join('\n')} 1\n`;
      }
      const breach = assessBreach(planFile(text, style === 'json' ? 'json' : 'yaml'));
      expect(breach).toBeUndefined();
    }), { seed: SEED, numRuns: runs(40) });
  });
});
