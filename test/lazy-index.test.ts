import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { lazyIndex, reexportsOf } from '../scripts/lazy-index';

const LIB = path.join(__dirname, '..', 'lib');
const INDEX_JS = path.join(LIB, 'index.js');

/** Runs a script in a fresh node process at the project's root and returns what it prints, parsed. */
function inNode<T>(script: string): T {
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: path.join(__dirname, '..'), encoding: 'utf8' })) as T;
}

describe('the package root, its exports loaded at first read', () => {
  test('exports exactly what lib/index.ts exports, each the same value as its own module gives', () => {
    // GIVEN the eager composition of lib/index.ts (each folder's exports, the first to give a name wins)
    // WHEN the built lazy index is read in a process of its own
    const result = inNode<{ lazy: string[]; eager: string[]; different: string[] }>(`
      const lazy = require('./lib/index.js');
      const eager = {};
      ${JSON.stringify(reexportsOf(fs.readFileSync(path.join(LIB, 'index.ts'), 'utf8')))}.forEach((r) => {
        const m = require('./lib/' + r.from.slice(2));
        for (const name of r.names ?? Object.keys(m)) if (name !== 'default' && !(name in eager)) eager[name] = m[name];
      });
      const different = Object.keys(eager).filter((name) => lazy[name] !== eager[name]);
      console.log(JSON.stringify({ lazy: Object.keys(lazy).sort(), eager: Object.keys(eager).sort(), different }));
    `);
    // THEN
    expect(result.lazy).toEqual(result.eager);
    expect(result.lazy).toEqual(expect.arrayContaining(['Migration', 'MigrationPlan', 'SmsMigrationError', 'assessPlan', 'MigrationPipeline']));
    expect(result.different).toEqual([]);
  });

  // The built index (npm run build writes it after tsc; tsc alone writes the eager one).
  test('requiring the root loads no folder; reading Migration loads neither the importers nor the pipeline', () => {
    // WHEN
    const loaded = inNode<{ atRequire: string[]; afterMigration: string[] }>(`
      const ours = () => Object.keys(require.cache).filter((f) => f.startsWith(${JSON.stringify(LIB + path.sep)})).map((f) => f.slice(${LIB.length + 1}));
      const lib = require('./lib/index.js');
      const atRequire = ours();
      lib.Migration;
      console.log(JSON.stringify({ atRequire, afterMigration: ours() }));
    `);
    // THEN
    expect(loaded.atRequire).toEqual(['index.js']);
    expect(loaded.afterMigration).toContain(path.join('migration', 'migration.js'));
    expect(loaded.afterMigration.filter((f) => f.startsWith(`importers${path.sep}`) || f.startsWith(`pipeline${path.sep}`))).toEqual([]);
  });

  test('an ES module imports the names of the root', () => {
    // WHEN
    const out = execFileSync(process.execPath, ['--input-type=module', '-e',
      `import { Migration, MigrationPlan, assessPlan } from ${JSON.stringify(INDEX_JS)}; console.log(typeof Migration, typeof MigrationPlan, typeof assessPlan);`,
    ], { encoding: 'utf8' });
    // THEN
    expect(out.trim()).toBe('function function function');
  });

  test('a name two folders export comes from the first, as export * resolves it; type-only exports are left out', () => {
    // GIVEN
    const reexports = reexportsOf("export { A } from './one';\nexport type { T } from './one';\nexport * from './two';\nexport * from './three';\n");
    // WHEN
    const text = lazyIndex(reexports, (from) => (from === './two' ? ['B', 'A', 'default'] : ['B', 'C']));
    // THEN
    expect(reexports).toEqual([{ from: './one', names: ['A'] }, { from: './two' }, { from: './three' }]);
    expect(text.match(/^reexport\(.*$/gm)).toEqual(['reexport("A", m0);', 'reexport("B", m1);', 'reexport("C", m2);']);
    expect(text).toContain('0 && (module.exports = { A, B, C });');
  });

  test('an export it cannot make lazy stops the build', () => {
    expect(() => reexportsOf('export const X = 1;\n')).toThrow('lib/index.ts: cannot make this export lazy: export const X = 1;');
  });
});
