import { unzipSync } from 'fflate';

/**
 * A zip archive read defensively: the central directory is checked before anything is inflated, so a
 * crafted archive (a zip bomb, an absurd number of entries, encrypted entries) is refused without
 * spending the memory it asks for. Inflating goes through fflate's `unzipSync`, whose filter sees the
 * declared size of each entry and lets only the parts asked for through.
 */

/** What an archive may declare before it is refused. */
export interface ZipLimits {
  /** Entries in the central directory. */
  readonly maxEntries: number;
  /** Declared uncompressed bytes of one entry. */
  readonly maxEntryBytes: number;
  /** Declared uncompressed bytes of all entries together. */
  readonly maxTotalBytes: number;
}

/**
 * Room for an RVTools export of tens of thousands of VMs (a 10,000-VM workbook inflates to about
 * 100 MB), far below what a zip bomb declares.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
};

/** Deflate cannot expand data more than about 1032 times; a declared size above that is a lie. */
const MAX_DEFLATE_RATIO = 1032;

/** Why an archive cannot be read: `corrupt` (damaged or not a zip) or `unsafe` (refused by the limits). */
export enum ZipProblemKind {
  CORRUPT = 'corrupt',
  UNSAFE = 'unsafe',
  ENCRYPTED = 'encrypted',
}

/** An archive that cannot be read; the message says why, without the file name. */
export class ZipProblem extends Error {
  public readonly kind: ZipProblemKind;

  constructor(kind: ZipProblemKind, message: string) {
    super(message);
    this.name = 'ZipProblem';
    this.kind = kind;
  }
}

/** One entry as the central directory declares it. */
export interface ZipEntry {
  /** The name exactly as stored (fflate's spelling). */
  readonly name: string;
  readonly compressedSize: number;
  /** The declared uncompressed size. */
  readonly size: number;
  readonly method: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

function u16(d: Uint8Array, at: number): number {
  return d[at] | (d[at + 1] << 8);
}

function u32(d: Uint8Array, at: number): number {
  return (d[at] | (d[at + 1] << 8) | (d[at + 2] << 16) | (d[at + 3] << 24)) >>> 0;
}

function u64(d: Uint8Array, at: number): number {
  return u32(d, at) + u32(d, at + 4) * 0x1_0000_0000;
}

function corrupt(message: string): ZipProblem {
  return new ZipProblem(ZipProblemKind.CORRUPT, message);
}

/** The offset of the end-of-central-directory record, searched backwards over the longest comment. */
function findEocd(data: Uint8Array): number {
  const last = data.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (u32(data, at) === EOCD) {
      return at;
    }
  }
  throw corrupt('the zip end-of-central-directory record is missing (the file is truncated or not a zip archive)');
}

/** Reads the 64-bit sizes of a Zip64 extra field where the 32-bit fields hold 0xFFFFFFFF. */
function zip64Sizes(data: Uint8Array, extraStart: number, extraEnd: number, size: number, compressed: number): [number, number] {
  for (let at = extraStart; at + 4 <= extraEnd;) {
    const id = u16(data, at);
    const length = u16(data, at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      if (size === 0xffffffff) {
        size = u64(data, field);
        field += 8;
      }
      if (compressed === 0xffffffff) {
        compressed = u64(data, field);
      }
      break;
    }
    at += 4 + length;
  }
  return [size, compressed];
}

/** The entries of a zip archive, checked against the limits; throws a ZipProblem. */
export function listZip(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipEntry[] {
  if (data.length < 22) {
    throw corrupt('the file is too short to be a zip archive');
  }
  const eocd = findEocd(data);
  let count = u16(data, eocd + 10);
  let offset = u32(data, eocd + 16);
  if (eocd >= 20 && u32(data, eocd - 20) === EOCD64_LOCATOR) {
    const at = u64(data, eocd - 12);
    if (at + 56 <= data.length && u32(data, at) === EOCD64) {
      count = u64(data, at + 32);
      offset = u64(data, at + 48);
    }
  }
  if (count > limits.maxEntries) {
    throw new ZipProblem(ZipProblemKind.UNSAFE, `the archive declares ${count} entries (at most ${limits.maxEntries} are read): refused as a possible zip bomb`);
  }
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.length || u32(data, offset) !== CENTRAL) {
      throw corrupt(`the zip central directory is damaged at entry ${i + 1} of ${count}`);
    }
    const flags = u16(data, offset + 8);
    const method = u16(data, offset + 10);
    const nameLength = u16(data, offset + 28);
    const extraLength = u16(data, offset + 30);
    const commentLength = u16(data, offset + 32);
    const nameStart = offset + 46;
    if (nameStart + nameLength + extraLength > data.length) {
      throw corrupt(`the zip central directory is damaged at entry ${i + 1} of ${count}`);
    }
    // fflate decodes names the same way: UTF-8 when flag bit 11 says so, else byte for byte.
    const name = ((flags & 0x800) ? utf8 : latin1).decode(data.subarray(nameStart, nameStart + nameLength));
    const [size, compressedSize] = zip64Sizes(data, nameStart + nameLength, nameStart + nameLength + extraLength,
      u32(data, offset + 24), u32(data, offset + 20));
    if (flags & 0x1) {
      throw new ZipProblem(ZipProblemKind.ENCRYPTED, `zip entry "${name}" is encrypted`);
    }
    if (method !== 0 && method !== 8) {
      throw corrupt(`zip entry "${name}" uses compression method ${method}, which xlsx files do not use`);
    }
    if (size > limits.maxEntryBytes) {
      throw new ZipProblem(ZipProblemKind.UNSAFE, `zip entry "${name}" declares ${size} bytes uncompressed `
        + `(limit ${limits.maxEntryBytes}): refused as a possible zip bomb`);
    }
    if (method === 8 ? size > compressedSize * MAX_DEFLATE_RATIO + 1024 : size !== compressedSize) {
      throw new ZipProblem(ZipProblemKind.UNSAFE, `zip entry "${name}" declares ${size} bytes from ${compressedSize} compressed, `
        + 'more than deflate can produce: refused as a crafted archive');
    }
    total += size;
    if (total > limits.maxTotalBytes) {
      throw new ZipProblem(ZipProblemKind.UNSAFE, `the archive declares more than ${limits.maxTotalBytes} bytes uncompressed in all: `
        + 'refused as a possible zip bomb');
    }
    entries.push({ name, compressedSize, size, method });
    offset = nameStart + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflates the named entries (names as listZip() gives them). Entries not named are never inflated.
 * Throws a ZipProblem when an entry is damaged or inflates to another size than it declared.
 */
export function inflateEntries(data: Uint8Array, entries: readonly ZipEntry[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Uint8Array> {
  const wanted = new Map(entries.map((e) => [e.name, e]));
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      // Checked again here: the filter is the last point before fflate allocates the declared size.
      filter: (file) => wanted.has(file.name) && file.originalSize <= limits.maxEntryBytes,
    });
  } catch (err) {
    throw corrupt(`the zip data is damaged (${(err as Error).message})`);
  }
  const result = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const bytes = files[entry.name];
    if (bytes === undefined) {
      throw corrupt(`zip entry "${entry.name}" could not be read`);
    }
    if (bytes.length !== entry.size) {
      throw corrupt(`zip entry "${entry.name}" inflates to ${bytes.length} bytes, not the ${entry.size} it declares`);
    }
    result.set(entry.name, bytes);
  }
  return result;
}
