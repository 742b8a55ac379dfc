// Compiles the plan schema's validators, then bundles what runs as a program of its own, after tsc, so that nothing is bundled at a user's synth:
// the `cdk-sms` command into one file (it starts several times faster than loading a hundred
// modules), and the replication-job handler with the SMS client inside it (Lambda's Node.js runtimes
// no longer ship @aws-sdk/client-sms). Run by `npm run build`.
import * as path from 'path';
import { buildSync } from 'esbuild';
import { HANDLER_NODE_MAJOR } from '../lib/sms/handler/api';
import { writePlanValidators } from './compile-schema';

const root = path.join(__dirname, '..');

// First: the CLI bundle takes the plan validators in.
writePlanValidators();

buildSync({
  entryPoints: [path.join(root, 'lib', 'cli', 'main.ts')],
  outfile: path.join(root, 'lib', 'cli', 'cdk-sms.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: false,
  legalComments: 'inline',
  logLevel: 'warning',
});

buildSync({
  entryPoints: [path.join(root, 'lib', 'sms', 'handler', 'index.ts')],
  outfile: path.join(root, 'lib', 'sms', 'handler', 'bundle', 'index.js'),
  bundle: true,
  platform: 'node',
  // The Node.js of the handler's Lambda runtime, not the oldest one the library supports (the CLI's).
  target: `node${HANDLER_NODE_MAJOR}`,
  minify: true,
  // Keep function and class names: SDK errors are told apart by name, and stack traces stay readable.
  keepNames: true,
  legalComments: 'external',
  logLevel: 'warning',
});
