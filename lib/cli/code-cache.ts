import * as fs from 'fs';
import { Module } from 'module';
import * as path from 'path';
import * as vm from 'vm';

/**
 * Loading the `cdk-sms` program with V8's code cache.
 *
 * Node 20 compiles a CommonJS file afresh at every start (its own compile cache came in Node 22), and
 * the program's bundle is about 900 KB: compiling it, and then each function it runs, is some 20 ms of
 * every command. The build runs the program once on the example plan and keeps V8's code for what ran
 * beside the bundle (`<file>.v8cache`); each start hands it back to V8, which takes it only when it was
 * made by the same V8 with the same flags from the same source, and compiles as before otherwise. The
 * cache is made only by the build: a run never writes it.
 */

/** The cache kept beside a bundled file. */
export function codeCacheFile(file: string): string {
  return `${file}.v8cache`;
}

/** The program's file compiled as CommonJS wraps it, with the cached code when V8 accepts it. */
function compile(file: string, cachedData: Buffer | undefined): vm.Script {
  return new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
}

/** Runs a compiled CommonJS file as the module `file`, as `require` would. */
function run(script: vm.Script, file: string): void {
  const module = new Module(file, require.main ?? undefined);
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, (id: string) => module.require(id), module, file, path.dirname(file));
  module.loaded = true;
}

/** Loads and runs a bundled file with its code cache, when the build left one. */
export function loadWithCodeCache(file: string): void {
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(codeCacheFile(file));
  } catch {
    cachedData = undefined;
  }
  run(compile(file, cachedData), file);
}

/**
 * For the build: runs a bundled file as `loadWithCodeCache` does, and when the process ends writes
 * the cache of what it compiled (the file's top level and every function the run called).
 */
export function trainCodeCache(file: string): void {
  const script = compile(file, undefined);
  process.on('exit', () => fs.writeFileSync(codeCacheFile(file), script.createCachedData()));
  run(script, file);
}
