import * as fs from 'fs';
import * as path from 'path';

const LIB = path.join(__dirname, '..', '..', 'lib');

/**
 * Refuses a handler bundle older than the sources it is built from, so that an end-to-end suite never
 * tests yesterday's handler.
 *
 * @param bundle the bundle's path
 * @param sourceDirs the folders whose `.ts` files (not `.d.ts`) the bundle holds
 */
export function assertBundleIsFresh(bundle: string, sourceDirs: readonly string[]): void {
  if (!fs.existsSync(bundle)) {
    throw new Error(`handler bundle ${bundle} does not exist, run npm run build`);
  }
  const built = fs.statSync(bundle).mtimeMs;
  const sources = sourceDirs.flatMap((dir) => fs.readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => path.join(dir, f)));
  const stale = sources.filter((f) => fs.statSync(f).mtimeMs > built).map((f) => path.relative(LIB, f));
  if (stale.length > 0) {
    throw new Error(`handler bundle ${bundle} is older than ${stale.join(', ')}, run npm run build`);
  }
}
