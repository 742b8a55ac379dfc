import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Vm } from '../../../lib/plan/model/plan';
import { ImportError, ImportIssue, ImportResult } from '../../../lib/importers/types';

/** A fresh temporary folder for generated fixtures, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rvtools-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The VM of a result by name (and vCenter connector when names repeat). */
export function vm(result: ImportResult, name: string, connector?: string): Vm {
  const found = result.vms.find((v) => v.name === name && (connector === undefined || v.connector === connector));
  if (!found) {
    throw new Error(`no VM ${name} in ${result.vms.map((v) => v.name).join(', ')}`);
  }
  return found;
}

/** The issues of the ImportError `fn` throws; fails the test when it throws nothing else. */
export function issuesOf(fn: () => unknown): readonly ImportIssue[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof ImportError) {
      return err.issues;
    }
    throw err;
  }
  throw new Error('expected an ImportError');
}
