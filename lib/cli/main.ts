#!/usr/bin/env node
// The `cdk-sms` command. `cdk-sms --version` (or `-v`) alone is answered here, as the program would
// answer it, without loading the program: a pipeline asks for it often, and it should cost little
// more than starting Node. Everything else is the program's (run.ts).

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-v')) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  process.stdout.write(`${(require('../../package.json') as { version: string }).version}\n`);
} else {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('./run');
}
