/** Name, version and home of the tool, for --version, the json format and SARIF's tool.driver. */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface ToolInfo {
  name: string;
  version: string;
  informationUri: string;
}

const NAME = 'usercube-jobs';
const HOME = 'https://github.com/usercube-jobs/usercube-jobs';
let cached: ToolInfo | undefined;

/**
 * The version comes from the package's own package.json, found by walking up from this file
 * (dist/cli.js when bundled, out/server/src/cli/ under test).
 */
export function toolInfo(): ToolInfo {
  if (cached) return cached;
  cached = { name: NAME, version: '0.0.0', informationUri: HOME };
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate)) {
      try {
        const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === NAME && typeof pkg.version === 'string') {
          cached.version = pkg.version;
          break;
        }
      } catch {
        // Not ours or unreadable: keep looking higher up.
      }
    }
    if (path.dirname(dir) === dir) break;
  }
  return cached;
}
