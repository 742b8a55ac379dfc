/** Jest's global teardown: removes the run's temporary folder (see global-setup.ts). */
import * as fs from 'fs';
import { RUN_TMP_VARIABLE } from './global-setup';

export default function globalTeardown(): void {
  const root = process.env[RUN_TMP_VARIABLE];
  if (root !== undefined && root !== '') {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
