/** Small workspaces for language-service tests: inline files, or a folder under test/fixtures. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../../server/src/languageService';
import { decodeBytes } from '../../server/src/model/textDecoding';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');

export const ROOT_URI = 'file:///ws';
export function uriOf(name: string): string {
  return `${ROOT_URI}/${name.split('/').map(encodeURIComponent).join('/')}`;
}

/** A service over inline files (name → text); the files named in `open` are open documents. */
export function workspace(files: Record<string, string>, open: string[] = []): LanguageService {
  const service = new LanguageService();
  service.setWorkspaceRoots([ROOT_URI]);
  for (const [name, text] of Object.entries(files)) {
    if (open.includes(name)) service.openDocument(uriOf(name), text, 1);
    else service.setFileText(uriOf(name), text);
  }
  return service;
}

const fixtureCache = new Map<string, Map<string, { uri: string; bytes: Buffer }>>();

/** Every file below test/fixtures/<name>, read once per test process (tests do not write there). */
export function fixtureFiles(name: string): Map<string, { uri: string; bytes: Buffer }> {
  let files = fixtureCache.get(name);
  if (!files) fixtureCache.set(name, (files = readFolder(path.join(FIXTURES, name))));
  return files;
}

/** Every file below `root`, by its path relative to it (with `/`), in sorted order. */
export function readFolder(root: string): Map<string, { uri: string; bytes: Buffer }> {
  const out = new Map<string, { uri: string; bytes: Buffer }>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir).sort()) {
      const full = path.join(dir, e);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(path.relative(root, full).split(path.sep).join('/'), { uri: pathToFileURL(full).toString(), bytes: readFileSync(full) });
    }
  };
  walk(root);
  return out;
}

/** Every XML file of the test fixtures and the shipped examples, by path (the tests that compare every entry read them all). */
export function fixtureAndExampleXmlFiles(): string[] {
  const xmlFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return xmlFiles(full);
      return name.toLowerCase().endsWith('.xml') ? [full] : [];
    });
  return [...xmlFiles(FIXTURES), ...xmlFiles(path.join(REPO_ROOT, 'examples'))];
}

export function fixtureWorkspace(name: string, open: string[] = []): { service: LanguageService; uri: (rel: string) => string; text: (rel: string) => string } {
  const files = fixtureFiles(name);
  const service = new LanguageService();
  service.setWorkspaceRoots([pathToFileURL(path.join(FIXTURES, name)).toString()]);
  for (const [rel, f] of files) {
    const decoded = decodeBytes(f.bytes);
    if (open.includes(rel)) service.openDocument(f.uri, decoded.text, 1);
    else service.setFileText(f.uri, decoded.text, decoded.encoding);
  }
  return {
    service,
    uri: (rel) => files.get(rel)!.uri,
    text: (rel) => decodeBytes(files.get(rel)!.bytes).text,
  };
}
