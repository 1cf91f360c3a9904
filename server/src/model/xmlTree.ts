/**
 * Element nesting on top of the tokenizer: a start tag opens an element, an end tag closes
 * the nearest open element of that name (reporting the ones it implicitly closes), a stray
 * end tag is reported and ignored. The same walker feeds both the element tree of open
 * documents (buildXmlTree) and the streaming extraction of index entries.
 */
import { EndTag, StartTag, SyntaxError, XmlAttribute, firstAttributeNamed, scanXml } from './xmlScanner';

export interface NestingHandler {
  /**
   * `parents` is the stack of open start tags, outermost first; it must not be kept. True, for
   * a self-closing element: the handler wants neither `open` nor `close` for the well-formed
   * self-closing elements of the same name that follow it directly (XmlHandler.startTag).
   */
  open(tag: StartTag, parents: readonly StartTag[]): boolean | void;
  /** Called once per start tag, with the offset where the element ends. */
  close(tag: StartTag, end: number): void;
  error(err: SyntaxError): void;
}

export function walkXml(text: string, handler: NestingHandler): void {
  const stack: StartTag[] = [];
  scanXml(text, {
    startTag(tag) {
      const passOver = handler.open(tag, stack) === true;
      // An unclosed start tag is the typing state: treat the element as empty, so that the
      // elements after it keep their real parents.
      if (tag.selfClosing || !tag.complete) handler.close(tag, tag.end);
      else stack.push(tag);
      return passOver;
    },
    endTag(tag: EndTag) {
      let k = stack.length - 1;
      while (k >= 0 && stack[k].name !== tag.name) k--;
      if (k < 0) {
        handler.error({ start: tag.nameStart, end: tag.nameEnd, message: `Unexpected end tag "</${tag.name}>": no open element "${tag.name}".` });
        return;
      }
      while (stack.length - 1 > k) {
        const inner = stack.pop()!;
        reportUnclosed(inner, handler);
        handler.close(inner, tag.start);
      }
      handler.close(stack.pop()!, tag.end);
    },
    error(err) {
      handler.error(err);
    },
  });
  while (stack.length > 0) {
    const inner = stack.pop()!;
    reportUnclosed(inner, handler);
    handler.close(inner, text.length);
  }
}

function reportUnclosed(tag: StartTag, handler: NestingHandler): void {
  handler.error({ start: tag.nameStart, end: tag.nameEnd, message: `Element "${tag.name}" is not closed: expected "</${tag.name}>".` });
}

export interface XmlElement {
  name: string;
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  /** Offset after the start tag's `>` (or where an unclosed start tag stopped). */
  startTagEnd: number;
  selfClosing: boolean;
  startTagComplete: boolean;
  attributes: XmlAttribute[];
  children: XmlElement[];
  parent: XmlElement | undefined;
}

export interface XmlTree {
  /** Top-level elements (normally one root). */
  roots: XmlElement[];
  errors: SyntaxError[];
}

/** The children of an element that cannot have any (self-closing, or a start tag cut short): one shared empty list. */
const NO_CHILDREN = Object.freeze([]) as unknown as XmlElement[];

/** Builds the element tree from the nesting events of a walk. */
export function treeBuilder(): { handler: NestingHandler; tree: XmlTree } {
  const tree: XmlTree = { roots: [], errors: [] };
  const open: XmlElement[] = [];
  const handler: NestingHandler = {
    open(tag) {
      const parent = open.length > 0 ? open[open.length - 1] : undefined;
      const el: XmlElement = {
        name: tag.name,
        start: tag.start,
        end: tag.end,
        nameStart: tag.nameStart,
        nameEnd: tag.nameEnd,
        startTagEnd: tag.end,
        selfClosing: tag.selfClosing,
        startTagComplete: tag.complete,
        attributes: tag.attributes,
        // Most elements are self-closing: they share one empty list instead of one each.
        children: tag.selfClosing || !tag.complete ? NO_CHILDREN : [],
        parent,
      };
      (parent ? parent.children : tree.roots).push(el);
      if (!tag.selfClosing && tag.complete) open.push(el);
    },
    close(tag, end) {
      // walkXml closes the elements it opened last first: the one to close is on top.
      if (!tag.selfClosing && tag.complete) open.pop()!.end = end;
    },
    error(err) {
      tree.errors.push(err);
    },
  };
  return { handler, tree };
}

export function buildXmlTree(text: string): XmlTree {
  const builder = treeBuilder();
  walkXml(text, builder.handler);
  return builder.tree;
}

/** Ends the scan of subtreeAt once its element is closed (one instance: no stack captured per scan). */
const SUBTREE_DONE = new Error('subtree scanned');

/**
 * The element whose start tag begins at `start`, with its descendants, scanned from there to its
 * end tag only; its own `parent` is not set. In a text without structural fault (the caller
 * checks) nothing before or after an element changes its nesting, so this is the element the
 * whole tree holds. Undefined when no start tag begins there, or when a fault shows inside.
 */
export function subtreeAt(text: string, start: number): XmlElement | undefined {
  const { handler, tree } = treeBuilder();
  const open: StartTag[] = [];
  let failed = false;
  const stop = (fault: boolean) => {
    failed = fault;
    throw SUBTREE_DONE;
  };
  try {
    scanXml(
      text,
      {
        startTag(tag) {
          handler.open(tag, open);
          if (tag.selfClosing || !tag.complete) {
            handler.close(tag, tag.end);
            if (open.length === 0) stop(false);
          } else open.push(tag);
        },
        endTag(tag) {
          const top = open.pop();
          if (!top || top.name !== tag.name) stop(true);
          handler.close(top!, tag.end);
          if (open.length === 0) stop(false);
        },
        error: () => stop(true),
      },
      start,
    );
  } catch (e) {
    if (e !== SUBTREE_DONE) throw e;
  }
  const el = tree.roots[0];
  return failed || open.length > 0 || el?.start !== start ? undefined : el;
}

/** Several handlers fed by one walk. */
export function bothHandlers(a: NestingHandler, b: NestingHandler): NestingHandler {
  return {
    open(tag, parents) {
      const passOverA = a.open(tag, parents) === true;
      return b.open(tag, parents) === true && passOverA;
    },
    close(tag, end) {
      a.close(tag, end);
      b.close(tag, end);
    },
    error(err) {
      a.error(err);
      b.error(err);
    },
  };
}

/**
 * The first attribute of that name. A start tag scanned alone gives it without making its
 * other attributes (xmlScanner.ts, attributeNamed); asked as a property, not with instanceof,
 * which made the element rules a third slower.
 */
export function attribute(el: { attributes: XmlAttribute[] }, name: string): XmlAttribute | undefined {
  const named = (el as { attributeNamed?: (name: string) => XmlAttribute | undefined }).attributeNamed;
  if (named !== undefined) return named.call(el, name);
  return firstAttributeNamed(el.attributes, name);
}

export function attributeValue(el: { attributes: XmlAttribute[] }, name: string): string | undefined {
  return attribute(el, name)?.value;
}

/** The innermost element whose range contains `offset` (start tag to end tag). */
export function elementAt(tree: XmlTree, offset: number): XmlElement | undefined {
  let list = tree.roots;
  let found: XmlElement | undefined;
  for (;;) {
    const next = lastContaining(list, offset);
    if (!next) return found;
    found = next;
    list = next.children;
  }
}

/**
 * The last element of `list` (in document order) whose range contains `offset`: the last one
 * that starts at or before it, found by a binary search (siblings do not overlap; an unclosed
 * element ends where the next one starts, and there the later one wins). Thousands of
 * siblings cost a few steps, not a scan, for every lookup of a fix or a request.
 */
function lastContaining(list: readonly XmlElement[], offset: number): XmlElement | undefined {
  const candidate = lastStartingBefore(list, offset);
  return candidate && offset <= candidate.end ? candidate : undefined;
}

/** The last of elements sorted by start that starts at or before `offset`. */
function lastStartingBefore(list: readonly XmlElement[], offset: number): XmlElement | undefined {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  return list[lo - 1];
}

/** Every element of a tree in document order (so by start), built once per tree. */
const inDocumentOrder = new WeakMap<XmlTree, XmlElement[]>();

/**
 * The element whose start tag holds `offset` (from its `<` to its end): a binary search over
 * every element, not a walk down the nesting (a fix-all over thousands of findings in a
 * document nested thousands deep would walk millions of levels).
 */
export function startTagAt(tree: XmlTree, offset: number): XmlElement | undefined {
  let all = inDocumentOrder.get(tree);
  if (!all) {
    all = [];
    const stack = [...tree.roots].reverse();
    while (stack.length > 0) {
      const el = stack.pop()!;
      all.push(el);
      for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]);
    }
    inDocumentOrder.set(tree, all);
  }
  const el = lastStartingBefore(all, offset);
  return el && offset <= el.startTagEnd ? el : undefined;
}
