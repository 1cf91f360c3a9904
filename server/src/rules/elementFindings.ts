/**
 * The findings of the element rules (Rule.checkElement) of each element, kept while the element
 * lives. An open document's tree lives across keystrokes typed inside values (model/valueEdit.ts
 * patches it, and the service forgets the findings of the element it changed and of its
 * children, whose rules see their parent's start tag), so only those are checked again. Offsets
 * are kept from the element's start, which moves with the element.
 */
import { XmlElement } from '../model/xmlTree';
import { ElementSchema } from '../schema/schema';
import { ElementRule, Finding, ParentTagView, StartTagView } from './rule';
import { XmlAttribute } from '../model/xmlScanner';

export interface ElementFinding extends Finding {
  /** Index of the rule in the list given to elementFindings. */
  rule: number;
}

const kept = new WeakMap<XmlElement, ElementFinding[]>();

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * What an element rule sees of an element: its start tag and its parent's, nothing the cache
 * does not watch. One view, filled again for each element: rules read it while they run and
 * keep nothing of it (two objects per element were most of what a check of a million elements
 * allocated besides the tree).
 */
const NO_ATTRIBUTES: XmlAttribute[] = [];
const parentView: Mutable<ParentTagView> = { name: '', attributes: NO_ATTRIBUTES, schema: undefined };
const view: Mutable<StartTagView> = { name: '', start: 0, nameStart: 0, nameEnd: 0, startTagComplete: false, attributes: NO_ATTRIBUTES, parent: undefined };

function fillView(el: XmlElement, parentSchema: ElementSchema | undefined): StartTagView {
  view.name = el.name;
  view.start = el.start;
  view.nameStart = el.nameStart;
  view.nameEnd = el.nameEnd;
  view.startTagComplete = el.startTagComplete;
  view.attributes = el.attributes;
  const parent = el.parent;
  if (parent) {
    parentView.name = parent.name;
    parentView.attributes = parent.attributes;
    parentView.schema = parentSchema;
    view.parent = parentView;
  } else view.parent = undefined;
  return view;
}

/** Lets go of the last element's attributes (the view outlives its tree). */
function clearView(): void {
  view.attributes = NO_ATTRIBUTES;
  view.parent = undefined;
  parentView.attributes = NO_ATTRIBUTES;
  parentView.schema = undefined;
}

/**
 * The element's findings, for every rule of `rules` (severities are applied by the caller).
 * `keep`: the tree outlives this check (an open document's), so the findings are kept with it;
 * a tree built for one check (a file on disk) keeps nothing, which spares the collector a weak
 * entry per element.
 */
export function elementFindings(
  el: XmlElement,
  schema: ElementSchema | undefined,
  parentSchema: ElementSchema | undefined,
  rules: readonly ElementRule[],
  keep = true,
): ElementFinding[] {
  let found = keep ? kept.get(el) : undefined;
  if (!found) {
    const tag = fillView(el, parentSchema);
    current.el = el;
    current.out = NONE;
    for (current.rule = 0; current.rule < rules.length; current.rule++) rules[current.rule].checkElement(tag, schema, report);
    found = current.out;
    // Nothing of this element stays reachable from here.
    current.out = NONE;
    current.el = undefined;
    clearView();
    if (keep) kept.set(el, found);
  }
  return found;
}

/** No finding: one list for every such element (most of them), never added to. */
const NONE: ElementFinding[] = Object.freeze([]) as unknown as ElementFinding[];

/**
 * The element and rule being checked, for the one `report` every rule is given: no closure and
 * no list per element (the check of a 100 MB configuration visits a million elements).
 */
const current: { el: XmlElement | undefined; rule: number; out: ElementFinding[] } = { el: undefined, rule: 0, out: NONE };

function report(f: Finding): void {
  const at = current.el!.start;
  if (current.out === NONE) current.out = [];
  current.out.push({ ...f, start: f.start - at, end: f.end - at, rule: current.rule });
}

/** The element's start tag changed in place: its findings, and its children's, are found again next time. */
export function forgetElementFindings(el: XmlElement): void {
  kept.delete(el);
  for (const child of el.children) kept.delete(child);
}
