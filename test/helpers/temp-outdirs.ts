import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * Temporary cloud assembly folders for one test file: the function returned makes a folder under the
 * system's temporary folder (its name starting with `prefix`), and every folder it made is removed after
 * the file's tests.
 */
export function useTempOutdirs(prefix: string): () => string {
  const outdirs: string[] = [];
  afterAll(() => {
    for (const dir of outdirs.splice(0)) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  return () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    outdirs.push(dir);
    return dir;
  };
}
