import { AsyncLocalStorage } from 'async_hooks';

/**
 * The log lines of each handler invocation, kept apart even when many invocations run at once: the driver
 * runs every invocation inside its own async context, and console.log / console.error (the handler's only
 * outputs) are routed to the invocation whose context the call comes from. Lines written outside any
 * invocation go to the console as usual.
 */

/** Lines of one invocation, in order. */
export type LogLines = string[];

const current = new AsyncLocalStorage<LogLines>();
let installed: { log: typeof console.log; error: typeof console.error } | undefined;

/** Runs `fn` with its console output collected into `lines` (when capture is installed). */
export function collectingLogs<T>(lines: LogLines, fn: () => Promise<T>): Promise<T> {
  return current.run(lines, fn);
}

/**
 * Routes the console output of invocations to their own lines until the returned function is called.
 * Without it, the handler's lines go to the console and invocations report none.
 */
export function captureInvocationLogs(): () => void {
  if (installed) {
    throw new Error('invocation logs are already captured');
  }
  const original = { log: console.log, error: console.error };
  installed = original;
  const route = (fallback: (...args: unknown[]) => void) => (...args: unknown[]) => {
    const lines = current.getStore();
    if (lines) {
      lines.push(args.map(String).join(' '));
    } else {
      fallback.apply(console, args);
    }
  };
  console.log = route(original.log);
  console.error = route(original.error);
  return () => {
    console.log = original.log;
    console.error = original.error;
    installed = undefined;
  };
}

/** The lines that are JSON objects (the handler's structured log), parsed. */
export function jsonRecords(lines: readonly string[]): Array<Record<string, unknown>> {
  const records: Array<Record<string, unknown>> = [];
  for (const line of lines) {
    try {
      const parsed = JSON.parse(line) as unknown;
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
        records.push(parsed as Record<string, unknown>);
      }
    } catch {
      // not a structured line
    }
  }
  return records;
}
