/**
 * The findings of the element rules (Rule.checkElement) of each element, kept while the element
 * lives. An open document's tree lives across keystrokes typed inside values (model/valueEdit.ts
 * patches it and forgets the findings of the element it changed), so only that element is
 * checked again. Offsets are kept from the element's start, which moves with the element.
 */
import { XmlElement } from '../model/xmlTree';
import { ElementSchema } from '../schema/schema';
import { ElementRule, Finding } from './rule';

export interface ElementFinding extends Finding {
  /** Index of the rule in the list given to elementFindings. */
  rule: number;
}

const kept = new WeakMap<XmlElement, ElementFinding[]>();

/** The element's findings, for every rule of `rules` (severities are applied by the caller). */
export function elementFindings(el: XmlElement, schema: ElementSchema | undefined, rules: readonly ElementRule[]): ElementFinding[] {
  let found = kept.get(el);
  if (!found) {
    const out: ElementFinding[] = [];
    rules.forEach((rule, i) =>
      rule.checkElement(el, schema, (f) => out.push({ ...f, start: f.start - el.start, end: f.end - el.start, rule: i })),
    );
    kept.set(el, (found = out));
  }
  return found;
}

/** The element changed in place: its findings are found again next time. */
export function forgetElementFindings(el: XmlElement): void {
  kept.delete(el);
}
