import { builtinModules } from 'module';
import { ImportGraph, importGraph, importLoops, publicModules, reachable } from './support/import-graph';

/**
 * The layering the library keeps (docs/architecture.md), checked on the import graph as TypeScript
 * resolves it, type-only imports included.
 */
const graph: ImportGraph = importGraph('lib');
const NODE_BUILTINS = new Set(builtinModules);
const inFolder = (folder: string) => (module: string): boolean => module.startsWith(`${folder}/`);
const CDK_PACKAGES = ['aws-cdk-lib', 'constructs'];

describe('the import graph', () => {
  test('sees every module and resolves every project import', () => {
    // THEN the graph holds the library: the public entry, rules, the handler
    expect(graph.modules).toEqual(expect.arrayContaining(['lib/index.ts', 'lib/rules/sms/sms-os8-sles-kernel.ts', 'lib/sms/handler/index.ts']));
    expect(graph.imports.get('lib/migration/migration.ts')).toEqual(expect.arrayContaining(['lib/errors.ts', 'lib/organization/index.ts']));
  });

  test('has no import loop', () => {
    expect(importLoops(graph.imports)).toEqual([]);
  });

  test('private/ folders hold leaves: they import nothing of the library but other private modules, and nothing public', () => {
    // GIVEN the modules that declare the public API
    const publicApi = publicModules('lib/index.ts');
    const privates = graph.modules.filter((m) => m.includes('/private/'));
    // THEN no private module is public, and each imports only private modules
    expect(privates.length).toBeGreaterThan(3);
    expect(privates.filter((m) => publicApi.has(m))).toEqual([]);
    const strays = privates.flatMap((m) => (graph.imports.get(m) ?? []).filter((to) => !to.includes('/private/')).map((to) => `${m} -> ${to}`));
    expect(strays).toEqual([]);
  });

  test.each(['lib/sms/handler', 'lib/mgn/handler'])('the handler %s imports only its own folder, the shared handler modules, the AWS SDK, '
    + 'Node built-ins and dependency-free leaves', (folder) => {
    // GIVEN the handler's modules
    const handler = graph.modules.filter(inFolder(folder));
    expect(handler.length).toBeGreaterThan(8);
    // THEN its project imports stay in its folder or lib/handler-common, or are leaves of lib/private that import nothing
    const leaf = (m: string): boolean => m.startsWith('lib/private/') && (graph.imports.get(m) ?? []).length === 0
      && (graph.packages.get(m) ?? []).length === 0;
    const strays = handler.flatMap((m) => (graph.imports.get(m) ?? [])
      .filter((to) => !inFolder(folder)(to) && !inFolder('lib/handler-common')(to) && !leaf(to))
      .map((to) => `${m} -> ${to}`));
    expect(strays).toEqual([]);
    // AND its packages are the SDK and Node's own
    const packages = handler.flatMap((m) => (graph.packages.get(m) ?? []).filter((p) => !p.startsWith('@aws-sdk/') && !NODE_BUILTINS.has(p))
      .map((p) => `${m} -> ${p}`));
    expect(packages).toEqual([]);
  });

  test('the cutover runbook (lib/mgn/runbook) imports only its own folder, the shared handler modules, the MGN handler\'s contract, '
    + 'the AWS SDK, Node built-ins and dependency-free leaves', () => {
    // GIVEN the runbook's modules: its function is bundled as the handlers are
    const folder = 'lib/mgn/runbook';
    const runbook = graph.modules.filter(inFolder(folder));
    expect(runbook.length).toBeGreaterThan(6);
    // THEN its project imports stay in its folder or lib/handler-common, or are files that import nothing (the tag's name, MGN's limits)
    const leaf = (m: string): boolean => (m.startsWith('lib/private/') || m === 'lib/mgn/handler/api.ts')
      && (graph.imports.get(m) ?? []).length === 0 && (graph.packages.get(m) ?? []).length === 0;
    const strays = runbook.flatMap((m) => (graph.imports.get(m) ?? [])
      .filter((to) => !inFolder(folder)(to) && !inFolder('lib/handler-common')(to) && !leaf(to))
      .map((to) => `${m} -> ${to}`));
    expect(strays).toEqual([]);
    const packages = runbook.flatMap((m) => (graph.packages.get(m) ?? []).filter((p) => !p.startsWith('@aws-sdk/') && !NODE_BUILTINS.has(p))
      .map((p) => `${m} -> ${p}`));
    expect(packages).toEqual([]);
  });

  test('the shared handler modules import only each other and Node built-ins', () => {
    const common = graph.modules.filter(inFolder('lib/handler-common'));
    expect(common.length).toBeGreaterThan(5);
    const strays = common.flatMap((m) => (graph.imports.get(m) ?? []).filter((to) => !inFolder('lib/handler-common')(to))
      .map((to) => `${m} -> ${to}`));
    const packages = common.flatMap((m) => (graph.packages.get(m) ?? []).filter((p) => !NODE_BUILTINS.has(p)).map((p) => `${m} -> ${p}`));
    expect([...strays, ...packages]).toEqual([]);
  });

  test.each(['lib/plan', 'lib/assessment', 'lib/rules'])('%s reaches nothing of CDK, through any import', (folder) => {
    // GIVEN everything the folder's modules import, directly or not
    const closure = reachable(graph.imports, graph.modules.filter(inFolder(folder)));
    // THEN none of it imports aws-cdk-lib or constructs
    const cdk = [...closure].flatMap((m) => (graph.packages.get(m) ?? []).filter((p) => CDK_PACKAGES.includes(p)).map((p) => `${m} -> ${p}`));
    expect(cdk).toEqual([]);
  });

  test('the engine imports no rule pack, and the plan imports no rules: a new pack needs no change below it', () => {
    const below = graph.modules.filter((m) => inFolder('lib/assessment')(m) || inFolder('lib/plan')(m));
    const upward = below.flatMap((m) => (graph.imports.get(m) ?? []).filter((to) => !inFolder('lib/assessment')(to) && !inFolder('lib/plan')(to)
      && !inFolder('lib/private')(to)).map((to) => `${m} -> ${to}`));
    expect(upward).toEqual([]);
  });
});

describe('importLoops', () => {
  test('finds a loop of type-only imports as readily as any other, and a module importing itself', () => {
    // GIVEN a graph with a three-module loop, a self-import and a chain without loops
    const imports = new Map([
      ['a', ['b']], ['b', ['c']], ['c', ['a', 'd']], ['d', []], ['e', ['e']], ['f', ['d']],
    ]);
    // THEN the loop and the self-import are found, and nothing else
    expect(importLoops(imports)).toEqual([['a', 'b', 'c'], ['e']]);
  });

  test('finds nothing in a chain thousands of modules deep', () => {
    const imports = new Map(Array.from({ length: 5000 }, (_, i) => [`m${i}`, i < 4999 ? [`m${i + 1}`] : []] as [string, string[]]));
    expect(importLoops(imports)).toEqual([]);
  });
});
