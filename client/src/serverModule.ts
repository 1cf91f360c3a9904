/**
 * Where the language server is, checked before the client starts it: a package built without
 * it (or a development copy never built) gets a message that names what is missing instead of
 * a client that fails to connect with a generic error. No `vscode` import: tested directly.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export function serverModule(extensionPath: string): string {
  const module = path.join(extensionPath, 'dist', 'server.js');
  if (!existsSync(module)) {
    throw new Error(`Usercube Jobs cannot start its language server: ${module} is missing. Reinstall the extension ` + '(or, in a development copy, run "npm run build").');
  }
  return module;
}
