/**
 * Where an anchor of a shipped Markdown page is, as a line: the rules page marks each rule with
 * `<a id="…">` above its heading; other pages are linked by their headings' GitHub-style slugs
 * (`## Command line` → `command-line`). No `vscode` import: unit-tested directly.
 */

/** `## Command line` → `command-line`: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/**
 * The 0-based line to show for `anchor` in `text`: the heading under an explicit `<a id>`, or
 * the heading whose slug is the anchor; undefined when the page has no such anchor.
 */
export function anchorLine(text: string, anchor: string): number | undefined {
  if (!anchor) return undefined;
  const lines = text.split(/\r?\n/);
  const explicit = lines.findIndex((l) => l.includes(`<a id="${anchor}"></a>`));
  if (explicit >= 0) return explicit + 1 < lines.length && /^#{1,6} /.test(lines[explicit + 1]) ? explicit + 1 : explicit;
  let fenced = false;
  for (const [i, line] of lines.entries()) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#{1,6} +(.*?)\s*#*\s*$/.exec(line);
    if (heading && headingSlug(heading[1]) === anchor) return i;
  }
  return undefined;
}
