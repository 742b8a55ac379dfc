import { processIo } from './io';
import { runCliAsync } from './program';

// The `cdk-sms` program, loaded by main.ts once it knows there is more to do than print the version.

// A reader that goes away early (`cdk-sms assess plan.json | head`) closes the pipe: Node reports
// that as an 'error' event on the stream, which would otherwise crash with a stack trace after the
// report was assessed. Nobody is left to read, so stop quietly and keep the exit status.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') {
      throw e;
    }
  });
}

/** A fault of the tool itself, not of its input: said plainly, with the detail for a bug report. */
function internalError(e: unknown): void {
  process.stderr.write(`cdk-sms: internal error: ${(e as Error).message}\n`);
  if (process.env.CDK_SMS_DEBUG) {
    process.stderr.write(`${(e as Error).stack}\n`);
  }
  process.exitCode = 3;
}

try {
  runCliAsync(process.argv.slice(2), processIo()).then((status) => {
    process.exitCode = status;
  }, internalError);
} catch (e) {
  internalError(e);
}
