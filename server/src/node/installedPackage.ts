/**
 * Where this package is installed, found from the running file (dist/*.js when bundled,
 * out/server/src/… under test), and the documentation it ships there. The front ends hand
 * the rule page's location to the language service, which stays free of file-system code.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

export const PACKAGE_NAME = 'usercube-jobs';

export interface InstalledPackage {
  /** The folder of the package's package.json. */
  root: string;
  version: string;
}

let found: InstalledPackage | null | undefined;

/** The nearest folder at or above this file whose package.json is ours; undefined if none. */
export function installedPackage(): InstalledPackage | undefined {
  if (found !== undefined) return found ?? undefined;
  found = null;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === PACKAGE_NAME && typeof pkg.version === 'string') {
          found = { root: dir, version: pkg.version };
          break;
        }
      } catch {
        // Not ours or unreadable: keep looking higher up.
      }
    }
    if (path.dirname(dir) === dir) break;
  }
  return found ?? undefined;
}

/** The shipped docs/rules.md: its path and file: URL, or undefined when the package lacks it. */
export function shippedRulesDoc(): { file: string; url: string } | undefined {
  const root = installedPackage()?.root;
  const file = root && path.join(root, 'docs', 'rules.md');
  return file && existsSync(file) ? { file, url: pathToFileURL(file).toString() } : undefined;
}
