/**
 * Where a sticky regular expression (flag `y`) matching at `from` ends, or -1 when it does not
 * match there. Also -1 when the expression gives up: a repeated group keeps a backtracking
 * point per repetition, and V8 throws once their stack runs out (a tag of a million attributes);
 * callers then read the text the slow way.
 */
export function stickyMatchEnd(expression: RegExp, text: string, from: number): number {
  expression.lastIndex = from;
  try {
    return expression.test(text) ? expression.lastIndex : -1;
  } catch {
    return -1;
  }
}
