/**
 * The MGN handler bundle for construct tests: the real one when the build has written it, else a
 * placeholder `index.js` in a temporary folder of the test (never in lib/), which the provider's asset
 * then packages. The constructs only need the folder to exist: nothing here runs the handler.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as bundle from '../../../lib/mgn/handler-bundle';
import * as runbookBundle from '../../../lib/mgn/runbook-bundle';

/** Points the provider at a placeholder bundle while the real one is missing; returns the folder used. */
export function useMgnBundle(): string {
  const real = bundle.mgnHandlerBundleDir();
  if (fs.existsSync(path.join(real, 'index.js'))) {
    return real;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgn-bundle-'));
  fs.writeFileSync(path.join(dir, 'index.js'), 'exports.onEvent = async () => ({}); exports.isComplete = async () => ({ IsComplete: true });\n');
  jest.spyOn(bundle, 'mgnHandlerBundleDir').mockReturnValue(dir);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Points the cutover runbook at a placeholder bundle while the real one is missing; returns the folder used. */
export function useRunbookBundle(): string {
  const real = runbookBundle.runbookBundleDir();
  if (fs.existsSync(path.join(real, 'index.js'))) {
    return real;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mgn-runbook-bundle-'));
  fs.writeFileSync(path.join(dir, 'index.js'), 'exports.handler = async () => ({ complete: true, summary: "" });\n');
  jest.spyOn(runbookBundle, 'runbookBundleDir').mockReturnValue(dir);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}
