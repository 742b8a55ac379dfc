import * as fs from 'fs';
import { isUtf8 } from 'buffer';
import { PlanFileError } from './plan-file-error';
import { describeFsError } from '../../private/fs-errors';

/** The default largest plan file read: 256 MiB. */
export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

const CHUNK = 64 * 1024;

/** A byte count for people: `512 bytes`, `1.5 KiB`, `300.0 MiB`, `256 MiB`. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) {
    return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

/** The whole-file problem for a file above the size limit. */
export function tooLarge(file: string, size: number, maxBytes: number, atLeast = false): PlanFileError {
  const message = `file is ${atLeast ? 'at least ' : ''}${formatBytes(size)} (${size} bytes), above the ${formatBytes(maxBytes)} (${maxBytes} bytes) a plan file may hold: split the plan into several files`;
  return fileError(file, message);
}

/** A PlanFileError with one whole-file issue. */
export function fileError(file: string, message: string, line?: number, column?: number): PlanFileError {
  return new PlanFileError([{ file, path: '', line, column, message }]);
}

/** Reads a file that is not a regular file (a pipe, a device) up to one byte past the limit. */
function readCapped(file: string, maxBytes: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(CHUNK);
      const read = fs.readSync(fd, chunk, 0, CHUNK, null);
      if (read === 0) {
        break;
      }
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > maxBytes) {
        break;
      }
    }
    return Buffer.concat(chunks);
  } finally {
    fs.closeSync(fd);
  }
}

/** The offset of the first byte that breaks UTF-8 (over-long forms, surrogates, bad or missing continuation bytes). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) {
        return i;
      }
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes a plan file's bytes as UTF-8 (a UTF-8 byte order mark is dropped), refusing binary content
 * and other encodings with a message that says what the file looks like.
 */
export function decodePlanBytes(file: string, bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw fileError(file, 'file is UTF-16 encoded: save it as UTF-8');
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    throw fileError(file, 'file is a gzip archive, not a JSON or YAML plan: decompress it first');
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw fileError(file, 'file is a zip archive (or an Office document), not a JSON or YAML plan');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw fileError(file, `file is binary (it holds a NUL byte at offset ${nul}), not a JSON or YAML plan`);
  }
  if (isUtf8(bytes)) {
    // As TextDecoder reads UTF-8, a byte order mark is not part of the text; toString is the faster decoder.
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return bytes.toString('utf8', bom);
  }
  const offset = Math.max(0, firstInvalidUtf8(bytes));
  const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i !== -1 && i < lineStart; i = bytes.indexOf(0x0a, i + 1)) {
    line++;
  }
  const column = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset)).length + 1;
  const byte = bytes[offset].toString(16).toUpperCase().padStart(2, '0');
  throw fileError(file, `file is not valid UTF-8 (byte 0x${byte} at offset ${offset}): save it as UTF-8`, line, column);
}

/**
 * Reads a plan file as text, turning every way that can fail into a PlanFileError with one clear
 * issue: missing, a directory, unreadable, empty, above `maxBytes`, binary, or not UTF-8.
 */
export function readPlanText(file: string, maxBytes: number): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    throw fileError(file, describeFsError(error, 'plan file'));
  }
  if (stat.isDirectory()) {
    throw fileError(file, 'is a directory, not a plan file');
  }
  if (stat.isFile() && stat.size > maxBytes) {
    throw tooLarge(file, stat.size, maxBytes);
  }
  let bytes: Buffer;
  try {
    bytes = stat.isFile() ? fs.readFileSync(file) : readCapped(file, maxBytes);
  } catch (error) {
    throw fileError(file, describeFsError(error, 'plan file'));
  }
  if (bytes.length > maxBytes) {
    throw tooLarge(file, bytes.length, maxBytes, !stat.isFile());
  }
  if (bytes.length === 0) {
    throw fileError(file, 'file is empty (0 bytes): a plan needs at least "version" and "vms"');
  }
  return decodePlanBytes(file, bytes);
}
