import * as fs from 'fs';
import * as path from 'path';

/** Where the CLI reads and writes: the real process, or a test's capture. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** True when stdout is a terminal. */
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
}

/** The process's own streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: process.stdout.isTTY === true,
    env: process.env,
  };
}

/**
 * Colour only on a terminal, never when NO_COLOR is set (https://no-color.org), always when
 * FORCE_COLOR is set to anything but 0 or false (as Node and the `supports-color` package read it:
 * `FORCE_COLOR=false` turns colour off, it does not force it).
 */
export function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') {
    return false;
  }
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) {
    return force !== '0' && force.toLowerCase() !== 'false';
  }
  return io.isTTY;
}

/** A mistake in how the CLI was called or in what it was given: exit 2, message only. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Writes a file whole or not at all: into a temporary file beside it, then renamed over it, so a
 * failure never leaves half a report behind. `what` names the content in error messages.
 */
export function writeFileAtomically(file: string, content: string, what = 'the report'): void {
  const dir = path.dirname(path.resolve(file));
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new UsageError(`${file}: cannot write ${what}: the folder ${dir} does not exist`);
  }
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new UsageError(`${file}: cannot write ${what}: ${describeWriteError(e)}`);
  }
}

/** What a failed write or rename means for the person who named the file. */
function describeWriteError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EISDIR':
    case 'ENOTEMPTY':
    case 'EEXIST':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EROFS':
      return 'the file system is read-only';
    default:
      return code ?? (e instanceof Error ? e.message : String(e));
  }
}
