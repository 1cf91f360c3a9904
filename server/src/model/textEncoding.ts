/**
 * Text → bytes in the encoding a file was read with (see textDecoding.ts), so that a file
 * rewritten by `check --fix` keeps its encoding and BOM. TextEncoder only writes UTF-8, so
 * Windows-1252 and UTF-16 are encoded here.
 */
import { DecodedEncoding } from './textDecoding';
import { WINDOWS_1252_80_9F } from './windows1252';

export type EncodeResult =
  | { ok: true; bytes: Uint8Array }
  /** `offset` is the first character the encoding cannot represent. */
  | { ok: false; offset: number; char: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

const FROM_80_9F = new Map(WINDOWS_1252_80_9F.map((code, i) => [code, 0x80 + i]));

/**
 * Also writes U+0080–U+009F as the byte of the same value: Node 20.18.3 and later decode
 * 'windows-1252' as Latin-1 (nodejs/node#60888), and a file read that way must still be
 * written back with the bytes it had.
 */
export function encodeWindows1252(text: string): EncodeResult {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const b = code <= 0xff ? code : FROM_80_9F.get(code);
    if (b === undefined) return { ok: false, offset: i, char: String.fromCodePoint(text.codePointAt(i)!) };
    bytes[i] = b;
  }
  return { ok: true, bytes };
}

/** UTF-16 code units as they are in the string (lone surrogates included). */
function encodeUtf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const hi = code >> 8;
    const lo = code & 0xff;
    bytes[2 * i] = bigEndian ? hi : lo;
    bytes[2 * i + 1] = bigEndian ? lo : hi;
  }
  return bytes;
}

function firstLoneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      else return i;
    } else if (c >= 0xdc00 && c <= 0xdfff) return i;
  }
  return -1;
}

function withPrefix(prefix: readonly number[], body: Uint8Array): Uint8Array {
  if (prefix.length === 0) return body;
  const out = new Uint8Array(prefix.length + body.length);
  out.set(prefix, 0);
  out.set(body, prefix.length);
  return out;
}

/** `bom`: for UTF-8 and Windows-1252 the UTF-8 BOM (EF BB BF), for UTF-16 its own. */
export function encodeText(text: string, encoding: DecodedEncoding, bom: boolean): EncodeResult {
  switch (encoding) {
    case 'utf-8': {
      // TextEncoder would silently turn a lone surrogate into U+FFFD.
      const lone = firstLoneSurrogate(text);
      if (lone >= 0) return { ok: false, offset: lone, char: text[lone] };
      return { ok: true, bytes: withPrefix(bom ? UTF8_BOM : [], new TextEncoder().encode(text)) };
    }
    case 'windows-1252': {
      const r = encodeWindows1252(text);
      return r.ok ? { ok: true, bytes: withPrefix(bom ? UTF8_BOM : [], r.bytes) } : r;
    }
    case 'utf-16le':
      return { ok: true, bytes: withPrefix(bom ? [0xff, 0xfe] : [], encodeUtf16(text, false)) };
    case 'utf-16be':
      return { ok: true, bytes: withPrefix(bom ? [0xfe, 0xff] : [], encodeUtf16(text, true)) };
  }
}
