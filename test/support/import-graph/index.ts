import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * The import graph of the library's sources as TypeScript resolves it: every `import`, `import type`,
 * `export ... from` and `require()` of every module under lib/, type-only imports included (they make
 * loops too, and TypeScript would drop them from the compiled JavaScript).
 */
export interface ImportGraph {
  /** Every module, as a path relative to the repository root (`lib/plan/index.ts`). */
  readonly modules: readonly string[];
  /** The project modules each module imports. */
  readonly imports: ReadonlyMap<string, readonly string[]>;
  /** The packages (and Node built-ins) each module imports: `aws-cdk-lib`, `@aws-sdk/client-sms`, `fs`. */
  readonly packages: ReadonlyMap<string, readonly string[]>;
}

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** Every `.ts` source (not `.d.ts`) below a folder, relative to the root. */
function sourcesBelow(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      found.push(...sourcesBelow(rel));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      found.push(rel);
    }
  }
  return found.sort();
}

/** The import graph of every module below `dir` (default `lib`). */
export function importGraph(dir = 'lib'): ImportGraph {
  const modules = sourcesBelow(dir);
  const options: ts.CompilerOptions = { module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, resolveJsonModule: true };
  const host = ts.createCompilerHost(options);
  const imports = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  for (const module of modules) {
    const file = path.join(ROOT, module);
    const info = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
    const own: string[] = [];
    const external: string[] = [];
    for (const ref of info.importedFiles) {
      const specifier = ref.fileName;
      if (!specifier.startsWith('.')) {
        external.push(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
        continue;
      }
      const resolved = ts.resolveModuleName(specifier, file, options, host).resolvedModule?.resolvedFileName;
      const target = resolved === undefined ? undefined : path.relative(ROOT, resolved).split(path.sep).join('/').replace(/\.d\.ts$/, '.ts');
      if (target === undefined || !fs.existsSync(path.join(ROOT, target))) {
        // A JSON file or another non-module: not a module of the graph.
        if (!/\.json$/.test(specifier)) {
          throw new Error(`${module}: cannot resolve ${specifier}`);
        }
        continue;
      }
      own.push(target);
    }
    imports.set(module, [...new Set(own)]);
    packages.set(module, [...new Set(external)]);
  }
  return { modules, imports, packages };
}

/** Every import loop (a strongly connected set of two or more modules, or a module importing itself), each sorted. */
export function importLoops(imports: ReadonlyMap<string, readonly string[]>): string[][] {
  // Tarjan's algorithm, iterative so that deep chains cannot overflow the stack.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const loops: string[][] = [];
  let next = 0;
  for (const start of imports.keys()) {
    if (index.has(start)) {
      continue;
    }
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, next);
    low.set(start, next++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const edges = imports.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++];
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, edge: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const members: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          members.push(member);
        } while (member !== frame.node);
        if (members.length > 1 || (imports.get(frame.node) ?? []).includes(frame.node)) {
          loops.push(members.sort());
        }
      }
    }
  }
  return loops;
}

/** Every module reachable from `from` through project imports, `from` included. */
export function reachable(imports: ReadonlyMap<string, readonly string[]>, from: readonly string[]): Set<string> {
  const seen = new Set<string>(from);
  const queue = [...from];
  while (queue.length > 0) {
    for (const to of imports.get(queue.pop()!) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

/**
 * The modules that define the public API: those that declare something `lib/index.ts` exports,
 * following every re-export to the module that declares it.
 */
export function publicModules(entry = 'lib/index.ts'): Set<string> {
  // Every module of lib/ is a root and nothing else is read (noResolve): packages' typings, which the
  // public API does not re-export, would only cost time.
  const roots = sourcesBelow(path.posix.dirname(entry)).map((m) => path.join(ROOT, m));
  const program = ts.createProgram(roots, { module: ts.ModuleKind.CommonJS, noResolve: true, noLib: true, types: [], noEmit: true });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(path.join(ROOT, entry))!)!;
  const found = new Set<string>();
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    for (const declaration of symbol.declarations ?? []) {
      const file = path.relative(ROOT, declaration.getSourceFile().fileName).split(path.sep).join('/');
      if (file.startsWith('lib/')) {
        found.add(file.replace(/\.d\.ts$/, '.ts'));
      }
    }
  }
  return found;
}
