#!/usr/bin/env node
import { processIo } from './io';
import { runCli } from './program';

try {
  process.exitCode = runCli(process.argv.slice(2), processIo());
} catch (e) {
  // A fault of the tool itself, not of its input: say so plainly, with the detail for a bug report.
  process.stderr.write(`cdk-sms: internal error: ${(e as Error).message}\n`);
  if (process.env.CDK_SMS_DEBUG) {
    process.stderr.write(`${(e as Error).stack}\n`);
  }
  process.exitCode = 3;
}
