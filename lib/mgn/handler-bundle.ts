import * as path from 'path';
import { BUNDLE_DIR } from './handler/api';

/**
 * The folder that holds the MGN handler bundle (`index.js`), written by `npm run build`.
 *
 * The only place the bundle's location is worked out, in a module of its own so that tests can point
 * it elsewhere before the build has written it.
 */
export function mgnHandlerBundleDir(): string {
  return path.join(__dirname, 'handler', BUNDLE_DIR);
}
