#!/usr/bin/env node
// The `cdk-sms` command. `cdk-sms --version` (or `-v`) alone is answered here, as the program would
// answer it, without loading the program: a pipeline asks for it often, and it should cost little
// more than starting Node. Everything else is the program's (run.ts, bundled as cdk-sms-run.js),
// loaded with the code cache the build made for it (code-cache.ts).
import * as path from 'path';
import { loadWithCodeCache } from './code-cache';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.stdout.write(`${(require('../../package.json') as { version: string }).version}\n`);
} else if (path.basename(__filename) === 'cdk-sms.js') {
  // The bundled command: the program is the bundle beside it.
  loadWithCodeCache(path.join(__dirname, 'cdk-sms-run.js'));
} else {
  // Compiled but not bundled (the project's own tests): the program's modules as they are.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./run');
}
