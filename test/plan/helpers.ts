import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LoadPlanOptions, parsePlan, PlanFileError, PlanIssue } from '../../lib/plan';

/** The folder of committed fixtures. */
export const FIXTURES = path.join(__dirname, 'fixtures');

/** The issues a parse throws; fails the test when it does not throw a PlanFileError. */
export function issuesOf(text: string, file: string, options?: LoadPlanOptions): PlanIssue[] {
  return errorOf(() => parsePlan(text, file, options)).issues;
}

/** The PlanFileError a call throws; fails the test when it throws nothing or something else. */
export function errorOf(call: () => unknown): PlanFileError {
  try {
    call();
  } catch (e) {
    if (e instanceof PlanFileError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a PlanFileError, but nothing was thrown');
}

const tempDirs: string[] = [];

/** A fresh temporary folder; `removeTempDirs` (in `afterAll`) removes it. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-test-'));
  tempDirs.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made. */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A minimal valid VM. */
export const VM = { name: 'web-01', hypervisor: 'vmware' };

/** A minimal valid plan with the given VMs and extra top-level fields, as indented JSON. */
export function planJson(vms: object[] = [VM], extra: object = {}): string {
  return JSON.stringify({ version: 1, ...extra, vms }, null, 2);
}
