import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { Module } from 'module';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { codeCacheFile, loadWithCodeCache } from '../../lib/cli/code-cache';

const CLI = path.join(__dirname, '..', '..', 'lib', 'cli');

describe('the program loaded with V8 code cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'code-cache-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /**
   * A CommonJS file that writes what CommonJS gave it into probe.json beside it (it runs in Node's own
   * context, not in the test's).
   */
  function program(): string {
    const file = path.join(dir, 'program.js');
    fs.writeFileSync(file, [
      'require("fs").writeFileSync(require("path").join(__dirname, "probe.json"), JSON.stringify({',
      '  file: __filename, dir: __dirname, exportsIsThis: this === exports, moduleFile: module.filename,',
      '}));',
    ].join('\n'));
    return file;
  }

  const probe = (): unknown => JSON.parse(fs.readFileSync(path.join(dir, 'probe.json'), 'utf8'));

  test.each([
    ['without a cache file', undefined],
    ['with a cache V8 refuses (not made from this source)', Buffer.from('not a code cache')],
  ])('runs the file as CommonJS would %s', (_, cache) => {
    // GIVEN
    const file = program();
    if (cache !== undefined) {
      fs.writeFileSync(codeCacheFile(file), cache);
    }
    // WHEN
    loadWithCodeCache(file);
    // THEN
    expect(probe()).toEqual({ file, dir, exportsIsThis: true, moduleFile: file });
  });

  test('the training run writes a cache V8 accepts for that source, and loading with it runs the file', () => {
    // GIVEN
    const file = program();
    // WHEN a process trains, as the build does
    const train = `require(${JSON.stringify(path.join(CLI, 'code-cache.js'))}).trainCodeCache(${JSON.stringify(file)})`;
    const result = spawnSync(process.execPath, ['-e', train], { encoding: 'utf8' });
    // THEN
    expect(result.status).toBe(0);
    fs.rmSync(path.join(dir, 'probe.json'));
    const cache = fs.readFileSync(codeCacheFile(file));
    const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData: cache });
    expect(script.cachedDataRejected).toBe(false);
    loadWithCodeCache(file);
    expect(probe()).toEqual({ file, dir, exportsIsThis: true, moduleFile: file });
  });

  test('the build leaves a cache beside the program that this Node accepts', () => {
    // GIVEN the built program (npm test builds first)
    const file = path.join(CLI, 'cdk-sms-run.js');
    // WHEN
    const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), {
      filename: file, cachedData: fs.readFileSync(codeCacheFile(file)),
    });
    // THEN
    expect(script.cachedDataRejected).toBe(false);
  });
});
