/**
 * The job graph webview's page: one script and one style sheet from the extension's media
 * folder, a Content-Security-Policy that allows nothing else (no remote resource, no inline
 * script but the nonce'd one), and the drawing area the script fills. No vscode import.
 */
import { randomBytes } from 'node:crypto';

export interface GraphPage {
  /** `webview.cspSource`: the origin of the extension's local resources in the webview. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  title: string;
  /** Fresh for every page; tests pass their own. */
  nonce?: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function newNonce(): string {
  return randomBytes(16)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}

export function graphPageHtml(p: GraphPage): string {
  const nonce = p.nonce ?? newNonce();
  const csp = ["default-src 'none'", `style-src ${p.cspSource}`, `script-src 'nonce-${nonce}'`, `img-src ${p.cspSource} data:`, `font-src ${p.cspSource}`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(p.styleUri)}">
<title>${escapeHtml(p.title)}</title>
</head>
<body>
<header id="header"><h1 id="title">${escapeHtml(p.title)}</h1><p id="legend"></p></header>
<main id="graph" aria-live="polite"><p class="message">Laying out the job…</p></main>
<ul id="notes"></ul>
<script nonce="${nonce}" src="${escapeHtml(p.scriptUri)}"></script>
</body>
</html>
`;
}
