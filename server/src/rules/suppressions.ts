/**
 * In-file suppression comments:
 *   <!-- usercube-disable rule-id, other-id -->            the whole file (no id: every rule)
 *   <!-- usercube-disable-next-line rule-id -->            the next element's start tag
 */
import { XmlElement } from '../model/xmlTree';

export interface Suppressions {
  isSuppressed(rule: string, offset: number): boolean;
}

const COMMENT = /<!--\s*usercube-disable(-next-line)?\b([^]*?)-->/g;

/** Whether the text may hold a suppression comment (a text without one suppresses nothing). */
export function mayHaveSuppressions(text: string): boolean {
  return text.includes('usercube-disable');
}

export function readSuppressions(text: string | undefined, elements: () => readonly XmlElement[]): Suppressions {
  const file = new Set<string>();
  let fileAll = false;
  const spans: { start: number; end: number; rules: Set<string> | undefined }[] = [];
  if (text !== undefined && mayHaveSuppressions(text)) {
    const ordered = elements(); // document order
    for (const m of text.matchAll(COMMENT)) {
      const ids = m[2].split(/[\s,]+/).filter(Boolean);
      const end = m.index + m[0].length;
      if (!m[1]) {
        if (ids.length === 0) fileAll = true;
        ids.forEach((id) => file.add(id));
        continue;
      }
      const next = ordered.find((el) => el.start >= end);
      if (next) spans.push({ start: end, end: next.startTagEnd, rules: ids.length ? new Set(ids) : undefined });
    }
  }
  return {
    isSuppressed(rule, offset) {
      if (fileAll || file.has(rule)) return true;
      return spans.some((s) => offset >= s.start && offset <= s.end && (!s.rules || s.rules.has(rule)));
    },
  };
}
