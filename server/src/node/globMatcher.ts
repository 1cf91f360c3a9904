/**
 * Glob patterns of the `files.exclude` / `usercubeJobs.exclude` kind (`**`, `*`, `?`, `{a,b}`,
 * `[…]`), matched against paths relative to a workspace folder with `/` separators.
 */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let inGroup = false;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches any number of folders, a trailing `**` anything.
        i++;
        if (glob[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inGroup = true;
      re += '(?:';
    } else if (c === '}' && inGroup) {
      inGroup = false;
      re += ')';
    } else if (c === ',' && inGroup) re += '|';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        re +=
          '[' +
          glob
            .slice(i + 1, close)
            .replace(/^!/, '^')
            .replace(/\\/g, '\\\\') +
          ']';
        i = close;
      }
    } else re += c.replace(/[.+^$()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export class GlobSet {
  private readonly patterns: RegExp[];
  constructor(globs: readonly string[]) {
    this.patterns = globs.map((g) => globToRegExp(g.replace(/^\.\//, '').replace(/\/$/, '')));
  }
  equals(other: GlobSet): boolean {
    return this.patterns.length === other.patterns.length && this.patterns.every((p, i) => p.source === other.patterns[i].source);
  }

  /** True when the relative path, or one of its parent folders, matches a pattern. */
  matches(relativePath: string): boolean {
    if (this.patterns.length === 0) return false;
    const parts = relativePath.split('/');
    for (let n = 1; n <= parts.length; n++) {
      const prefix = parts.slice(0, n).join('/');
      if (this.patterns.some((p) => p.test(prefix))) return true;
    }
    return false;
  }
}

// The enabled patterns of a files.exclude-style setting (an object of glob → true) or a plain list.
export function enabledGlobs(setting: unknown): string[] {
  if (Array.isArray(setting)) return setting.filter((g): g is string => typeof g === 'string');
  if (setting && typeof setting === 'object') {
    return Object.entries(setting as Record<string, unknown>)
      .filter(([, on]) => on === true)
      .map(([g]) => g);
  }
  return [];
}
