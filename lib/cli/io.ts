import * as fs from 'fs';
import * as path from 'path';
import { visibleControls } from '../private/visible-controls';

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

/** The mark of a UsageError, the same in every copy of this module. */
const USAGE_ERROR = Symbol.for('cdk-sms-migration.UsageError');

/** A mistake in how the CLI was called or in what it was given: exit 2, message only. */
export class UsageError extends Error {
  /**
   * True for a UsageError made by any copy of this class. The `cdk-sms` command is bundled in parts
   * (the import command is a file of its own) and each part holds its own copy of this module, so
   * `instanceof` looks at a mark every copy sets rather than at the class.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[USAGE_ERROR] === true;
  }

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
    (this as unknown as Record<symbol, unknown>)[USAGE_ERROR] = true;
  }
}

/** Symbolic links followed before a write gives up, as the kernel's own limit (ELOOP) does. */
const MAX_SYMLINKS = 40;

/**
 * The file a path names once its symbolic links are followed (even to a target that does not exist
 * yet), so that writing replaces the target and the link stays a link.
 */
function followLinks(file: string, what: string): string {
  let current = path.resolve(file);
  for (let i = 0; i < MAX_SYMLINKS; i++) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(current);
    } catch {
      return current;
    }
    if (!stat.isSymbolicLink()) {
      return current;
    }
    current = path.resolve(path.dirname(current), fs.readlinkSync(current));
  }
  throw new UsageError(`${visibleControls(file)}: cannot write ${what}: more than ${MAX_SYMLINKS} symbolic links to follow`);
}

/**
 * Writes a file whole or not at all: into a temporary file beside it, then renamed over it, so a
 * failure never leaves half a file behind. A symbolic link is followed (its target is replaced, the
 * link stays), and a file that exists keeps its permissions. `what` names the content in error messages.
 */
export function writeFileAtomically(file: string, content: string | Iterable<string>, what = 'the report'): void {
  const shown = visibleControls(file);
  const real = followLinks(file, what);
  const dir = path.dirname(real);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new UsageError(`${shown}: cannot write ${what}: the folder ${visibleControls(dir)} does not exist`);
  }
  let mode: number | undefined;
  try {
    const stat = fs.statSync(real);
    mode = stat.isFile() ? stat.mode & 0o7777 : undefined;
  } catch {
    mode = undefined;
  }
  const temp = path.join(dir, `.${path.basename(real)}.${process.pid}.tmp`);
  try {
    // A leftover of an earlier run with the same process id goes; `wx` then refuses anything planted in between.
    fs.rmSync(temp, { force: true });
    if (typeof content === 'string') {
      fs.writeFileSync(temp, content, { flag: 'wx', mode: mode ?? 0o666 });
    } else {
      writeChunks(temp, content, mode ?? 0o666);
    }
    if (mode !== undefined) {
      // The mode given at creation is cut by the umask: set it exactly.
      fs.chmodSync(temp, mode);
    }
    fs.renameSync(temp, real);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new UsageError(`${shown}: cannot write ${what}: ${describeWriteError(e)}`);
  }
}

/**
 * Pieces of text gathered into writes of about a megabyte each (a piece of a sixteenth of that or more
 * is written as it is): few system calls, and never the whole text in memory.
 */
export function* batched(chunks: Iterable<string>, size = 1 << 20): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    if (chunk.length >= size / 16) {
      // Large enough to write on its own: not copied into a join.
      if (length > 0) {
        yield parts.join('');
        parts = [];
        length = 0;
      }
      yield chunk;
      continue;
    }
    parts.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) {
    yield parts.join('');
  }
}

/** Writes pieces of text into a new file (`wx`), one batch at a time. */
function writeChunks(file: string, chunks: Iterable<string>, mode: number): void {
  const fd = fs.openSync(file, 'wx', mode);
  try {
    for (const batch of batched(chunks)) {
      fs.writeSync(fd, batch);
    }
  } finally {
    fs.closeSync(fd);
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
