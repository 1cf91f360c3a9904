/** Display helpers for file URIs (the service speaks URIs; people read file names). */
export function uriBasename(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** The path of `uri` relative to the longest of `roots` that contains it, else its file name. */
export function uriRelative(uri: string, roots: readonly string[]): string {
  let best = '';
  for (const r of roots) {
    const prefix = r.endsWith('/') ? r : r + '/';
    if (uri.startsWith(prefix) && prefix.length > best.length) best = prefix;
  }
  return best ? decodeURIComponent(uri.slice(best.length)) : uriBasename(uri);
}
