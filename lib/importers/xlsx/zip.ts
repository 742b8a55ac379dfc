import * as zlib from 'zlib';
import type * as Fflate from 'fflate';

// fflate is loaded when first needed, not with the library: a synth that imports nothing does not pay for it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fflate = (): typeof Fflate => require('fflate') as typeof Fflate;

/**
 * A zip archive read defensively: the central directory is checked before anything is inflated, so a
 * crafted archive (a zip bomb, an absurd number of entries, encrypted entries) is refused without
 * spending the memory it asks for. Inflating goes through fflate's `unzipSync`, whose filter sees the
 * declared size of each entry and lets only the parts asked for through.
 *
 * fflate inflates in JavaScript, at about a third of the speed of Node's zlib (a second for the
 * 100 MB of a 10,000-VM workbook), so an ordinary entry is first inflated by zlib (nativeInflate()).
 * fflate stays the judge of everything else: whenever zlib fails, or the entry or archive is unusual
 * in any way, the entry is read by fflate as before, so damaged archives get fflate's messages.
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
  /**
   * The offset of the entry's local header, when fflate would find the entry's data where
   * the central directory says, and the entry may be inflated by zlib: undefined in a Zip64 archive,
   * an archive whose entry counts disagree, or for a name stored twice.
   */
  readonly localOffset?: number;
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
  // fflate counts the entries on this disk and reads Zip64 records its own way: the fast path only
  // takes archives where both readers walk the same plain central directory.
  const plain = u16(data, eocd + 8) === count && !(eocd >= 20 && u32(data, eocd - 20) === EOCD64_LOCATOR);
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
    const localOffset = u32(data, offset + 42);
    const raw = u32(data, offset + 20) !== 0xffffffff && u32(data, offset + 24) !== 0xffffffff && localOffset !== 0xffffffff;
    entries.push({ name, compressedSize, size, method, ...(plain && raw ? { localOffset } : {}) });
    offset = nameStart + nameLength + extraLength + commentLength;
  }
  return withoutRepeatedOffsets(entries);
}

/** The entries, without the local offset of a name stored more than once (fflate inflates every copy). */
function withoutRepeatedOffsets(entries: ZipEntry[]): ZipEntry[] {
  const seen = new Map<string, number>();
  for (const entry of entries) {
    seen.set(entry.name, (seen.get(entry.name) ?? 0) + 1);
  }
  return entries.map((entry) => (seen.get(entry.name)! > 1 && entry.localOffset !== undefined ? { ...entry, localOffset: undefined } : entry));
}

/**
 * Inflates the named entries (names as listZip() gives them). Entries not named are never inflated.
 * Throws a ZipProblem when an entry is damaged or inflates to another size than it declared.
 */
export function inflateEntries(data: Uint8Array, entries: readonly ZipEntry[], limits: ZipLimits = DEFAULT_ZIP_LIMITS): Map<string, Uint8Array> {
  const fast = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const bytes = nativeInflate(data, entry);
    if (bytes === undefined) {
      break;
    }
    fast.set(entry.name, bytes);
  }
  if (fast.size === entries.length) {
    return fast;
  }
  const wanted = new Map(entries.map((e) => [e.name, e]));
  let files: Record<string, Uint8Array>;
  try {
    files = fflate().unzipSync(data, {
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

/**
 * An entry inflated by zlib, where fflate would give the same bytes: the entry's data found as fflate
 * finds it, and zlib's output exactly the declared size. Undefined whenever that is not certain (zlib
 * refuses the data, the output is longer or shorter, the entry is unusual): fflate then decides. For a
 * valid deflate stream both give the same bytes; zlib refuses some streams fflate reads, never the reverse.
 */
function nativeInflate(data: Uint8Array, entry: ZipEntry): Uint8Array | undefined {
  const at = entry.localOffset;
  if (at === undefined || at + 30 > data.length) {
    return undefined;
  }
  const start = at + 30 + u16(data, at + 26) + u16(data, at + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) {
    return undefined;
  }
  if (entry.method === 0) {
    // A view, not fflate's copy: the bytes are only read.
    return data.subarray(start, end);
  }
  if (entry.method !== 8 || entry.compressedSize === 0 || entry.size === 0) {
    return undefined;
  }
  try {
    // One byte more than declared is room enough to see a longer output, which fflate would cut short.
    // One chunk as large as the output: zlib's default 16 KiB chunks are copied together at the end.
    const room = entry.size + 1;
    const bytes = zlib.inflateRawSync(data.subarray(start, end), { maxOutputLength: room, chunkSize: Math.max(zlib.constants.Z_MIN_CHUNK, room) });
    return bytes.length === entry.size ? bytes : undefined;
  } catch {
    return undefined;
  }
}
