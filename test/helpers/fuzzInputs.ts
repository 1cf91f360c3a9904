/**
 * Fuzzed inputs with a fixed seed (test/unit/fuzz.test.ts, test/unit/plainXml.test.ts): the
 * configuration files of examples/ and test/fixtures/, and the ways real files and typing
 * break them.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeBytes } from '../../server/src/model/textDecoding';
import { FIXTURES, REPO_ROOT, readFolder } from './workspace';

/** mulberry32: small, fast, and the same numbers on every machine. */
export function prng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** 1 to `most` of `pieces`, drawn with `r` and put end to end. */
export function drawPieces(r: (n: number) => number, pieces: readonly string[], most: number): string {
  let out = '';
  const length = 1 + r(most);
  for (let k = 0; k < length; k++) out += pieces[r(pieces.length)];
  return out;
}

export interface SeedWorkspace {
  root: string;
  files: { uri: string; text: string }[];
}

/** Every folder of XML files under examples/ and test/fixtures/ is one workspace. */
export function seedWorkspaces(): SeedWorkspace[] {
  const roots = [path.join(REPO_ROOT, 'examples'), ...readdirSync(FIXTURES).map((d) => path.join(FIXTURES, d))];
  const out: SeedWorkspace[] = [];
  for (const root of roots) {
    const files: SeedWorkspace['files'] = [];
    for (const [rel, f] of readFolder(root)) if (rel.endsWith('.xml')) files.push({ uri: f.uri, text: decodeBytes(f.bytes).text });
    if (files.length > 0) out.push({ root: pathToFileURL(root).toString(), files });
  }
  return out;
}

const BILLION_LAUGHS =
  '<!DOCTYPE ConfigurationFile [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">' +
  '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>';
const XXE = '<!DOCTYPE ConfigurationFile [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;]>';
const PIECES = [
  '<',
  '>',
  '/>',
  '</',
  '"',
  "'",
  '=',
  '&',
  '&amp;',
  '&lt',
  '&#x10FFFF;',
  '&#0;',
  '&f;',
  '&xxe;',
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  '<?xml version="1.0"?>',
  ' Identifier="',
  ' ParentTask="',
  '<TaskDependsOnTask ParentTask="',
  '<Step Identifier="',
  '<Job Identifier="J">',
  '</Job>',
  '\uD800',
  '\uFFFD',
  '\u0000',
  '\t',
  '\r',
  '\r\n',
  '\n',
];

export type Mutator = (text: string, r: (n: number) => number) => string;

const at = (text: string, r: (n: number) => number) => r(text.length + 1);
export const MUTATORS: Mutator[] = [
  (t, r) => t.slice(0, at(t, r)), // cut short
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + PIECES[r(PIECES.length)] + t.slice(i);
  },
  (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + t.slice(i + 1 + r(40));
  }, // a piece deleted
  (t, r) => {
    const i = at(t, r);
    const piece = t.slice(r(t.length), r(t.length) + r(400));
    return t.slice(0, i) + piece + t.slice(i);
  }, // pasted
  (t, r) => t.replace(/<ConfigurationFile/, (m) => `${r(2) ? BILLION_LAUGHS : XXE}\n${m}`).replace(/DisplayName_L1="/, `DisplayName_L1="${r(2) ? '&f;' : '&xxe;'}`),
  (t, r) => {
    const i = at(t, r);
    const depth = 1000 + r(20_000);
    return t.slice(0, i) + '<Nest>'.repeat(depth) + (r(2) ? '</Nest>'.repeat(depth) : '') + t.slice(i);
  },
  (t, r) => {
    const i = at(t, r);
    let s = '';
    for (let k = r(30); k > 0; k--) s += String.fromCharCode(r(0x10000));
    return t.slice(0, i) + s + t.slice(i);
  },
  (t, r) => t.replace(/\r?\n/g, () => ['\n', '\r\n', '\r'][r(3)]), // mixed line endings
  (t, r) => {
    const i = t.indexOf('="', at(t, r));
    return i < 0 ? t : t.slice(0, i + 2) + 'x'.repeat(10_000 + r(200_000)) + t.slice(i + 2);
  }, // huge value
  (t, r) => {
    const i = t.indexOf('="', at(t, r));
    return i < 0 ? t : t.slice(0, i + 2) + t.slice(i + 2).replace(/"/, '');
  }, // a value left open
  (t, r) => {
    const m = [...t.matchAll(/Identifier="([^"]*)"/g)];
    if (m.length < 2) return t;
    const a = m[r(m.length)];
    const b = m[r(m.length)];
    return t.replace(`ParentTask="${b[1]}"`, `ParentTask="${a[1]}"`);
  }, // rewired dependency
  (t, r) => t.slice(0, r(t.length)).repeat(2 + r(3)), // repeated blocks: duplicates
];
