import { isAscii } from 'buffer';

/**
 * What a file is, from its first bytes rather than its name: an xlsx workbook is a zip archive, a
 * legacy `.xls` and a password-protected xlsx are both OLE compound files, and a CSV is text.
 */

/** The kinds of file the importer tells apart. */
export enum FileKind {
  EMPTY = 'empty',
  ZIP = 'zip',
  /** An OLE compound file holding an encrypted OOXML package (a password-protected workbook). */
  ENCRYPTED_OOXML = 'encrypted-ooxml',
  /** An OLE compound file holding a BIFF workbook (Excel 97-2003 `.xls`). */
  LEGACY_XLS = 'legacy-xls',
  /** Some other OLE compound file (a Word or Outlook file, say). */
  OTHER_OLE = 'other-ole',
  TEXT = 'text',
  BINARY = 'binary',
}

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURES = [[0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06], [0x50, 0x4b, 0x07, 0x08]];

function startsWith(data: Uint8Array, signature: readonly number[]): boolean {
  return data.length >= signature.length && signature.every((byte, i) => data[i] === byte);
}

/** True when the bytes hold the UTF-16LE spelling of `name`, as OLE directory entries store names. */
function hasOleName(data: Uint8Array, name: string): boolean {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(Buffer.from(name, 'utf16le'));
}

/** True when the first bytes look like text: a UTF-16 BOM, or no NUL byte in the first 8 KiB. */
function looksLikeText(data: Uint8Array): boolean {
  if (startsWith(data, [0xff, 0xfe]) || startsWith(data, [0xfe, 0xff])) {
    return true;
  }
  const head = data.subarray(0, 8192);
  return !head.includes(0);
}

/** The kind of a file's bytes. */
export function fileKind(data: Uint8Array): FileKind {
  if (data.length === 0) {
    return FileKind.EMPTY;
  }
  if (ZIP_SIGNATURES.some((s) => startsWith(data, s))) {
    return FileKind.ZIP;
  }
  if (startsWith(data, OLE_SIGNATURE)) {
    // Office encryption wraps the whole package in an OLE file with these two streams (MS-OFFCRYPTO).
    if (hasOleName(data, 'EncryptedPackage') || hasOleName(data, 'EncryptionInfo')) {
      return FileKind.ENCRYPTED_OOXML;
    }
    if (hasOleName(data, 'Workbook') || hasOleName(data, 'Book')) {
      return FileKind.LEGACY_XLS;
    }
    return FileKind.OTHER_OLE;
  }
  return looksLikeText(data) ? FileKind.TEXT : FileKind.BINARY;
}

/**
 * Decodes text bytes: UTF-16 when a BOM says so, else UTF-8; a leading BOM is dropped.
 */
export function decodeText(data: Uint8Array): string {
  if (startsWith(data, [0xff, 0xfe])) {
    return new TextDecoder('utf-16le').decode(data);
  }
  if (startsWith(data, [0xfe, 0xff])) {
    return new TextDecoder('utf-16be').decode(data);
  }
  // ASCII, as exports nearly always are, is copied into a string several times faster than decoded.
  const bom = startsWith(data, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  const body = data.subarray(bom);
  return isAscii(body) ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1') : new TextDecoder('utf-8').decode(data);
}
