/**
 * Structured logging: one JSON line per step. Callers pass named fields, never an event or an error
 * object, so the ResponseURL, credentials and SDK request details cannot end up in the log by accident.
 */

/** A value a log field may hold. */
export type LogValue = string | number | boolean | readonly string[] | undefined;

/** Log levels; errors go to stderr. */
export type LogLevel = 'info' | 'warn' | 'error';

/** Writes one JSON line. Undefined fields are left out. */
export function logLine(level: LogLevel, fields: Readonly<Record<string, LogValue>>): void {
  const line = JSON.stringify({ level, ...fields });
  if (level === 'error') {
    console.error(line);
  } else {
    console.log(line);
  }
}
