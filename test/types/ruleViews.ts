/**
 * Read by the compiler only (`npm run typecheck`, and `tsc -p .` in `npm run test:fast`), never
 * run. Each `@ts-expect-error` line is a rule reading what its kept findings do not follow (or
 * offering a fix it does not declare): tsc fails when such a line compiles, so a view that
 * lets a rule reach further than its cache watches breaks the build.
 */
import { Rule, elementRule, fileRule, indexRule, treeRule } from '../../server/src/rules/rule';

const ABOUT = { severity: 'info', source: 'the Job page', explanation: 'A rule written against the wrong view.' } as const;

/** Element rules see one start tag and their parent's: findings are kept per element. */
export const elementRuleReach = elementRule({
  id: 'test/element-reach',
  ...ABOUT,
  checkElement(tag, _schema, report) {
    // Its own start tag and its parent's are watched.
    report({ start: tag.nameStart, end: tag.nameEnd, message: `${tag.name} ${tag.attributes.length} ${tag.parent?.name} ${tag.parent?.attributes.length}` });
    // @ts-expect-error the children change without the element's findings being found again
    void tag.children;
    // @ts-expect-error so do the end tag and what lies between
    void tag.end;
    // @ts-expect-error only the parent's start tag is watched, not the grandparent's
    void tag.parent?.parent;
    // @ts-expect-error nor the parent's other children
    void tag.parent?.children;
  },
});

/** Index rules see the facts sameIndexFacts compares: findings are kept while the index generation holds. */
export const indexRuleReach = indexRule({
  id: 'test/index-reach',
  ...ABOUT,
  checkIndex(ctx, report) {
    const d = ctx.entry.definitions[0];
    const task = ctx.index.task('AD_Export');
    const job = ctx.entry.jobs[0];
    // Identifiers, references, the job plan's attributes, membership and lines are compared.
    void [d.kind, d.id, d.element, d.job, d.consolidation, task?.attrs.Level, task?.attrs.ConsolidationMode, task?.parents, job.members, ctx.jobs()[0].ids];
    report({ start: d.idStart, end: d.idEnd, message: `line ${ctx.lineOf(d)}` });
    // @ts-expect-error display names are not compared
    void d.displayName;
    // @ts-expect-error nor attribute values of jobs, connections and connectors
    void d.attrs;
    // @ts-expect-error nor a task's attributes other than the job plan's
    void task?.attrs.Dirty;
    // @ts-expect-error nor a job's attributes
    void job.attrs;
    // @ts-expect-error whether a job is a complete-synchronization job depends on attribute values
    void ctx.jobs()[0].complete;
    // @ts-expect-error the tasks of a job view carry every attribute
    void ctx.jobs()[0].tasks;
    // @ts-expect-error lines other than the definitions' are not compared (lineOf gives those)
    void ctx.entry.lines;
    // @ts-expect-error nor another file's
    void ctx.index.file(d.uri);
    // @ts-expect-error nor the text
    void ctx.text;
  },
});

/** Tree rules see the file's elements and nothing else: the command line's index workers run them without the index. */
export const treeRuleReach = treeRule({
  id: 'test/tree-reach',
  ...ABOUT,
  checkTree(elements, report) {
    const el = elements[0];
    // Every element, its attributes, children and offsets.
    report({ start: el.start, end: el.end, message: `${el.name} ${el.attributes.length} ${el.children.length} ${el.parent?.name}` });
    // @ts-expect-error they are not handed the index, nor the text, nor a context to reach them
    treeRule({ id: 'test/tree-context', ...ABOUT, checkTree: (ctx: { index: unknown }) => void ctx.index });
  },
});

/** A finding offers only the fixes its rule declares, with the data of their kind. */
export const fixesDeclared = fileRule({
  id: 'test/fixes-declared',
  ...ABOUT,
  fixes: { 'set-attribute': 'suggestion' },
  check(_ctx, report) {
    report({ start: 0, end: 1, message: 'declared', fixes: [{ fix: 'set-attribute', attribute: 'ContinueOnError', value: 'true' }] });
    // @ts-expect-error a fix the rule does not declare
    report({ start: 0, end: 1, message: 'undeclared', fixes: [{ fix: 'remove-attribute', attribute: 'ContinueOnError' }] });
    // @ts-expect-error the data of another kind of fix
    report({ start: 0, end: 1, message: 'wrong data', fixes: [{ fix: 'set-attribute', attribute: 'ContinueOnError' }] });
  },
});

export const noFixDeclared = fileRule({
  id: 'test/no-fix',
  ...ABOUT,
  check(_ctx, report) {
    // @ts-expect-error a rule that declares no fix offers none
    report({ start: 0, end: 1, message: 'undeclared', fixes: [{ fix: 'set-mode' }] });
  },
});

// @ts-expect-error a rule is declared by fileRule, elementRule, treeRule or indexRule, nothing else
export const plainObject: Rule = { id: 'test/plain', ...ABOUT, check: () => undefined };
