/** The character codes the XML scanners compare with (charCodeAt), by name. */
export const LT = 0x3c; // <
export const GT = 0x3e; // >
export const SLASH = 0x2f; // /
export const BANG = 0x21; // !
export const QUESTION = 0x3f; // ?
export const AMP = 0x26; // &
export const EQUALS = 0x3d; // =
export const DQUOTE = 0x22; // "
export const SQUOTE = 0x27; // '
export const DASH = 0x2d; // -
export const NL = 0x0a;
export const CR = 0x0d;

/** XML white space: space, tab, line feed, carriage return. */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === NL || c === CR;
}
