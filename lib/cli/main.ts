#!/usr/bin/env node
// The `cdk-sms` command. `cdk-sms --version` (or `-v`) alone is answered here, as the program would
// answer it, without loading the program: a pipeline asks for it often, and it should cost little
// more than starting Node. Everything else is the program's (run.ts, bundled as cdk-sms-run.js),
// loaded with the code cache the build made for it (code-cache.ts).
/* eslint-disable @typescript-eslint/no-require-imports */
import type * as CodeCache from './code-cache';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  process.stdout.write(`${(require('../../package.json') as { version: string }).version}\n`);
} else if (__filename.endsWith('cdk-sms.js')) {
  // The bundled command: the program is the bundle beside it. Its code cache holds what an assessment
  // runs; `import` runs the importers' own bundle, and would only carry that code in memory (about 13 MiB
  // more at the peak of a 10,000-VM import), so it loads the program without it.
  const program = (require('path') as typeof import('path')).join(__dirname, 'cdk-sms-run.js');
  if (args[0] === 'import') {
    require(program);
  } else {
    (require('./code-cache') as typeof CodeCache).loadWithCodeCache(program);
  }
} else {
  // Compiled but not bundled (the project's own tests): the program's modules as they are.
  require('./run');
}
