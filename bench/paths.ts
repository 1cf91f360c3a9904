/** Where things are, from the compiled location out/bench/. */
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const DATA_DIR = path.join(REPO_ROOT, 'bench', '.data');
export const SERVER_BUNDLE = path.join(REPO_ROOT, 'dist', 'server.js');
export const SERVER_PROBE = path.join(__dirname, 'lsp', 'serverProbe.js');
export const CLI_BUNDLE = path.join(REPO_ROOT, 'dist', 'cli.js');
