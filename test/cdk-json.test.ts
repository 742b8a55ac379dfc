/**
 * The example app's cdk.json configures every feature flag the installed aws-cdk-lib recommends, as
 * `cdk init` would, so that `cdk synth` ends without "NN feature flags are not configured". One flag is
 * set against the recommendation, on purpose, and said so in the README.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');

/** Flags set against aws-cdk-lib's recommendation, and why. */
const EXCEPTIONS: Record<string, string> = {
  // With it, `cdk synth` lists only warnings and errors (in the validation report): the notes on the VMs
  // that no wave deploys would be lost.
  '@aws-cdk/core:annotationsInValidationReport': 'keeps the notes on VMs no wave deploys',
};

describe('cdk.json', () => {
  const context: Record<string, unknown> = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdk.json'), 'utf8')).context;
  const recommended: Record<string, unknown> = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'node_modules', 'aws-cdk-lib', 'recommended-feature-flags.json'), 'utf8'));

  test('configures every feature flag the installed aws-cdk-lib recommends', () => {
    expect(Object.keys(recommended).filter((flag) => !(flag in context))).toEqual([]);
  });

  test('sets each to the recommended value, but for the exceptions the README explains', () => {
    const differing = Object.keys(recommended).filter((flag) => JSON.stringify(context[flag]) !== JSON.stringify(recommended[flag]));
    expect(differing.sort()).toEqual(Object.keys(EXCEPTIONS).sort());
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const flag of differing) {
      expect(readme).toContain(flag);
    }
  });
});
