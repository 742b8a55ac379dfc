import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');

/**
 * A folder holding a copy of `examples/org-pack.js` (or of any pack file text) beside a `node_modules`
 * whose `cdk-sms-migration` is this repository, so that the file's `require('cdk-sms-migration')` loads
 * the built library: its own copy, as a user's pack file does. Remove it with `fs.rmSync`.
 */
export function packFolder(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-sms-org-pack-'));
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.symlinkSync(ROOT, path.join(dir, 'node_modules', 'cdk-sms-migration'), 'dir');
  fs.copyFileSync(path.join(ROOT, 'examples', 'org-pack.js'), path.join(dir, 'org-pack.js'));
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
