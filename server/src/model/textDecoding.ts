/**
 * Bytes → text for files that are not open in the editor. Honours a BOM, then the XML
 * declaration's encoding; undeclared bytes that are not valid UTF-8 are read as Windows-1252,
 * which is how configuration files saved by Windows tools usually come.
 */
import { decodeWindows1252 } from './windows1252';

export type DecodedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: DecodedEncoding;
  bom: boolean;
  /** Set when the bytes did not match what the file declares, or look binary. */
  problem?: 'binary' | 'invalid-utf8-declared';
  /** With `invalid-utf8-declared`: where in the text the first byte that is not UTF-8 is. */
  invalidAt?: number;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const LATIN1_NAMES = new Set(['windows-1252', 'cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'iso-8859-15', 'us-ascii', 'ascii']);

export function declaredEncoding(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII by definition; look at the first line only.
  let head = '';
  for (let i = 0, n = Math.min(bytes.length, 256); i < n; i++) head += String.fromCharCode(bytes[i]);
  const m = /^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head);
  return m ? m[1].toLowerCase() : undefined;
}

export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3), true, undefined);
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  }
  if (looksBinary(bytes)) {
    return { text: '', encoding: 'utf-8', bom: false, problem: 'binary' };
  }
  const declared = declaredEncoding(bytes);
  if (declared && LATIN1_NAMES.has(declared)) {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252', bom: false };
  }
  return decodeUtf8(bytes, false, declared);
}

function decodeUtf8(bytes: Uint8Array, bom: boolean, declared: string | undefined): DecodedText {
  try {
    return { text: utf8Strict.decode(bytes), encoding: 'utf-8', bom };
  } catch {
    const text = decodeWindows1252(bytes);
    return declared && declared !== 'utf8' && declared !== 'utf-8'
      ? { text, encoding: 'windows-1252', bom }
      : declared
        ? { text, encoding: 'windows-1252', bom, problem: 'invalid-utf8-declared', invalidAt: firstInvalidUtf8(bytes) }
        : { text, encoding: 'windows-1252', bom };
  }
}

/** The index of the first byte that does not belong to a well-formed UTF-8 sequence (one character per byte in Windows-1252). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    const size = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (size === 0 || i + size > bytes.length) return i;
    for (let k = 1; k < size; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    if (size > 1 && !utf8Valid(bytes.subarray(i, i + size))) return i;
    i += size;
  }
  return bytes.length;
}

function utf8Valid(sequence: Uint8Array): boolean {
  try {
    utf8Strict.decode(sequence);
    return true;
  } catch {
    return false;
  }
}
