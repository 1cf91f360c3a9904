/**
 * The two other shapes of configuration the budgets are stated for, derived from the bench's
 * own configuration of the same size (so that the figures compare):
 *
 * - `nested`: the same elements in many small files (at most CHUNK_BYTES each) two and three
 *   folders down, as configurations split per entity type or per job look;
 * - `findings`: the same files with mistakes that break many rules (parents and Steps that
 *   name no task, property types that do not exist, identifiers of other case, levels upside
 *   down, missing display names): tens of thousands of findings.
 *
 * Files are read and written as Latin-1, byte for byte, whatever their encoding (every
 * character the generator writes is Latin-1 or UTF-8 of it, and the mutations are ASCII). The
 * files the LSP scenarios open or point into are kept as they are, so the base manifest's
 * probes still hold.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildXmlTree } from '../../server/src/model/xmlTree';
import { Manifest } from './workspace';

export type Shape = 'bench' | 'nested' | 'findings';
export const ALL_SHAPES: readonly Shape[] = ['bench', 'nested', 'findings'];

/** Bump when a derived shape changes, so that cached folders are derived again. */
const SHAPES_VERSION = 1;
const CHUNK_BYTES = 32 * 1024;

interface ShapeManifest extends Manifest {
  shape: Shape;
  shapesVersion: number;
}

/** The folder of that shape derived from the base configuration, made if missing or stale. */
export function ensureShape(base: { root: string; manifest: Manifest }, shape: Shape, log: (s: string) => void): { root: string; manifest: Manifest } {
  if (shape === 'bench') return base;
  const root = `${base.root}-${shape}`;
  const manifestFile = path.join(root, 'manifest.json');
  if (existsSync(manifestFile)) {
    const known = JSON.parse(readFileSync(manifestFile, 'utf8')) as ShapeManifest;
    if (known.shapesVersion === SHAPES_VERSION && known.generatorVersion === base.manifest.generatorVersion) return { root, manifest: known };
  }
  log(`deriving the ${shape} shape in ${path.relative(process.cwd(), root)} …`);
  rmSync(root, { recursive: true, force: true });
  const kept = new Set([base.manifest.editFile, base.manifest.otherOpenFile, base.manifest.definition.expected.file]);
  let files = 0;
  let bytes = 0;
  const write = (rel: string, text: string) => {
    const full = path.join(root, ...rel.split('/'));
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text, 'latin1');
    files++;
    bytes += Buffer.byteLength(text, 'latin1');
  };
  const mutate = findingsMutator();
  for (const rel of xmlFiles(base.root)) {
    const text = readFileSync(path.join(base.root, ...rel.split('/')), 'latin1');
    if (kept.has(rel)) write(rel, text);
    else if (shape === 'nested') splitFile(rel, text).forEach(([r, t]) => write(r, t));
    else write(rel, mutate(text));
  }
  const manifest: ShapeManifest = { ...base.manifest, shape, shapesVersion: SHAPES_VERSION, fileCount: files, totalBytes: bytes };
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  return { root, manifest };
}

/** Relative paths with `/`, sorted. */
function xmlFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) walk(path.join(dir, e.name), `${rel}${e.name}/`);
      else if (e.name.endsWith('.xml')) out.push(`${rel}${e.name}`);
    }
  };
  walk(root, '');
  return out;
}

/**
 * `Conf/AD/AD Tasks.xml` → `Conf/AD/AD Tasks/<k>/AD Tasks <n>.xml`, each chunk the file's
 * declaration and root start tag, whole top-level elements up to CHUNK_BYTES, and the end tag.
 */
function splitFile(rel: string, text: string): [string, string][] {
  const root = buildXmlTree(text).roots[0];
  if (!root || root.children.length < 2 || text.length <= CHUNK_BYTES) return [[rel, text]];
  const head = text.slice(0, root.startTagEnd);
  const stem = rel.slice(0, -'.xml'.length);
  const name = stem.slice(stem.lastIndexOf('/') + 1);
  const out: [string, string][] = [];
  let from = root.children[0].start;
  for (let i = 0; i < root.children.length; i++) {
    const last = i === root.children.length - 1;
    const end = last ? root.children[i].end : root.children[i + 1].start;
    if (!last && end - from < CHUNK_BYTES) continue;
    const n = out.length;
    out.push([`${stem}/${Math.floor(n / 8)}/${name} ${n}.xml`, `${head}\n  ${text.slice(from, end).trim()}\n</ConfigurationFile>\n`]);
    from = end;
  }
  return out;
}

/** The findings shape's mistakes, each applied to every n-th place (deterministic across files). */
function findingsMutator(): (text: string) => string {
  let i = 0;
  const every = (n: number) => i++ % n === 0;
  return (text) =>
    text
      .replace(/ParentTask="([^"]*)"/g, (m, v: string) => (every(2) ? `ParentTask="${v}_Gone"` : m))
      .replace(/<Step Identifier="([^"]*)"/g, (m, v: string) => (every(3) ? `<Step Identifier="${v}_Gone"` : m))
      .replace(/ DisplayName_L1="[^"]*"/g, (m) => (every(3) ? '' : m))
      .replace(/ Identifier="([^"]*)"/g, (m, v: string) => (every(5) ? ` Identifier="${v.toLowerCase()}"` : m))
      .replace(/ Type="String"/g, ' Type="Text"')
      .replace(/Level="(\d+)"/g, (_m, l: string) => `Level="${9 - Number(l)}"`);
}
