/**
 * Windows-1252 by table. Node 20.18.3 and later decode 'windows-1252' with TextDecoder as
 * Latin-1 (nodejs/node#60888), which turns ’ – — € into control characters: this module does
 * not depend on it.
 */
/**
 * Bytes 0x80–0x9F of Windows-1252 (WHATWG Encoding Standard); the five bytes the code page
 * leaves undefined stand for the C1 control of the same value. Every other byte is Latin-1.
 */
export const WINDOWS_1252_80_9F: readonly number[] = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

/** Bytes → text: Latin-1 for every byte except 0x80–0x9F, which the table maps. */
export function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  if (!/[\u0080-\u009f]/.test(latin1)) return latin1;
  return latin1.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(WINDOWS_1252_80_9F[c.charCodeAt(0) - 0x80]));
}
