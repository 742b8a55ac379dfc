import * as path from 'path';
import { RUNBOOK_BUNDLE_DIR } from './runbook/api';

/**
 * The folder that holds the cutover runbook function's bundle (`index.js`), written by `npm run build`.
 *
 * The only place the bundle's location is worked out, in a module of its own so that tests can point it
 * elsewhere before the build has written it.
 */
export function runbookBundleDir(): string {
  return path.join(__dirname, 'runbook', RUNBOOK_BUNDLE_DIR);
}
