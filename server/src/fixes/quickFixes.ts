/**
 * Quick fixes: the edits of each fix kind. Rules declare which kinds their findings offer, and
 * whether each is safe or a suggestion (Rule.fixes); a finding lists the fixes it offers with
 * their facts (FixData), never parsed back from its message. Fix-all takes the safe fixes only
 * (and the preferred suggestion too when asked, as `--fix-type suggestion` does).
 */
import { WorkspaceIndex } from '../index/workspaceIndex';
import { RULES_BY_ID } from '../rules/registry';
import { FixSafety } from '../rules/rule';
import { XmlElement, XmlTree, attribute, startTagAt } from '../model/xmlTree';
import { closestIdentifiers } from './closestIdentifiers';
import { FixData, FixDataOf, FixKind } from './fixData';
import { OffsetEdit, TakenEdits, appendChild, emptyElement, insertBefore, removeAttribute, renameAttribute, renameElement, setAttribute } from './textEdits';

export interface FixTarget {
  rule: string;
  start: number;
  end: number;
  /** What the finding offers (see fixesOfData for data sent back by the editor). */
  fixes: readonly FixData[];
}

/** What a fix kind proposes; its safety comes from the rule's declaration. */
interface ProposedFix {
  title: string;
  edits: OffsetEdit[];
  preferred?: boolean;
}

export interface Fix extends ProposedFix {
  safety: FixSafety;
}

export interface FixContext {
  text: string;
  tree: XmlTree;
  index: WorkspaceIndex;
}

type FixProvider<K extends FixKind> = (ctx: FixContext, target: FixTarget, fix: FixDataOf<K>, el: XmlElement) => ProposedFix[];

const PROVIDERS: { [K in FixKind]: FixProvider<K> } = {
  'set-mode': (_ctx, _t, _fix, el) => [{ title: 'Set SynchronizationMode="Complete"', edits: [setAttribute(el, 'SynchronizationMode', 'Complete')], preferred: true }],
  'remove-attribute': (ctx, _t, { attribute: name }, el) => {
    const attr = attribute(el, name);
    return attr ? [{ title: `Remove ${name}`, edits: [removeAttribute(ctx.text, attr)], preferred: true }] : [];
  },
  'set-attribute': (_ctx, _t, { attribute: name, value }, el) => [{ title: `Set ${name}="${value}"`, edits: [setAttribute(el, name, value)], preferred: true }],
  'rename-attribute': (_ctx, t, { to }, el) => {
    const attr = el.attributes.find((a) => a.nameStart === t.start);
    return attr ? [{ title: `Rename '${attr.name}' to '${to}'`, edits: [renameAttribute(attr, to)], preferred: true }] : [];
  },
  'set-type': (ctx, _t, { type }, el) => {
    const attr = attribute(el, 'Type');
    if (type === 'None') {
      return attr ? [{ title: 'Remove Type (the prepare task has none)', edits: [removeAttribute(ctx.text, attr)], preferred: true }] : [];
    }
    return [{ title: `Set Type="${type}" as in the prepare task`, edits: [setAttribute(el, 'Type', type)], preferred: true }];
  },
  'add-dependency': (ctx, _t, { candidates }, el) =>
    candidates.map((parent, i) => ({
      title: `Add dependency on '${parent}'`,
      edits: [appendChild(ctx.text, el, emptyElement(ctx.text, 'TaskDependsOnTask', [['ParentTask', parent]]))],
      preferred: i === 0,
    })),
  'change-identifier': (ctx, t, fix) => changeIdentifier(ctx, t, fix),
  'create-task': (ctx, _t, { id }, el) => createTask(ctx, id, el),
  'rename-element': (ctx, _t, { name }, el) => [{ title: `Rename to <${name}>`, edits: renameElement(ctx.text, el, name), preferred: true }],
};

/** "Change to 'X'" for the closest identifiers of the right kind. */
function changeIdentifier(ctx: FixContext, t: FixTarget, { kind, id }: FixDataOf<'change-identifier'>): ProposedFix[] {
  if (!kind) return [];
  return closestIdentifiers(ctx.index, kind, id, 3).map((candidate, i) => ({
    title: `Change to '${candidate}'`,
    edits: [{ start: t.start, end: t.end, newText: candidate }],
    preferred: i === 0,
  }));
}

/** Task types by the words their identifiers usually carry. */
const TYPE_BY_WORD: [RegExp, string][] = [
  [/export/i, 'ExportTask'],
  [/prepare/i, 'PrepareSynchronizationTask'],
  [/sync/i, 'SynchronizeTask'],
  [/provisioning|gpo/i, 'GenerateProvisioningOrdersTask'],
  [/fulfil/i, 'FulfillTask'],
  [/correlation/i, 'ComputeCorrelationKeysTask'],
  [/rolemodel/i, 'ComputeRoleModelTask'],
  [/propert|expression/i, 'UpdateEntityPropertyExpressionsTask'],
  [/classification/i, 'UpdateClassificationTask'],
  [/profile/i, 'SetInternalUserProfilesTask'],
];

/** What a task of this type usually depends on, in a complete job. */
const USUAL_PARENT: Record<string, string> = {
  PrepareSynchronizationTask: 'ExportTask',
  SynchronizeTask: 'PrepareSynchronizationTask',
  FulfillTask: 'GenerateProvisioningOrdersTask',
  SetInternalUserProfilesTask: 'FulfillTask',
};

/** "Create task 'X'" before the dependent task: its type guessed from the name, or from the dependent's. */
function createTask(ctx: FixContext, id: string, dependsOn: XmlElement): ProposedFix[] {
  const task = dependsOn.parent;
  if (!id || !task) return [];
  const type = TYPE_BY_WORD.find(([re]) => re.test(id))?.[1] ?? USUAL_PARENT[task.name] ?? 'InvokeExpressionTask';
  const xml = emptyElement(ctx.text, type, [
    ['Identifier', id],
    ['DisplayName_L1', id],
  ]);
  return [{ title: `Create ${type} '${id}'`, edits: [insertBefore(ctx.text, task, xml)] }];
}

function propose<K extends FixKind>(kind: K, fix: FixDataOf<K>, ctx: FixContext, target: FixTarget, el: XmlElement): ProposedFix[] {
  const provider: FixProvider<K> = PROVIDERS[kind];
  return provider(ctx, target, fix, el);
}

/** The fixes a finding offers, among those its rule declares, with the safety the rule gives each. */
export function fixesFor(ctx: FixContext, target: FixTarget): Fix[] {
  const declared = RULES_BY_ID.get(target.rule)?.fixes ?? {};
  const offered = target.fixes.filter((f) => declared[f.fix] !== undefined);
  if (offered.length === 0) return [];
  // The element whose start tag holds the diagnostic, looked up only for a finding with a fix.
  const el = startTagAt(ctx.tree, target.start);
  if (!el) return [];
  return offered.flatMap((f) => propose(f.fix, f, ctx, target, el).map((p) => ({ ...p, safety: declared[f.fix]! })));
}

/**
 * The fixes of all targets that fix-all applies: for each target, its first safe fix (and, when
 * suggestions are asked for too, its preferred suggestion), skipping any that would overlap an
 * edit already taken.
 */
export function fixAllEdits(ctx: FixContext, targets: readonly FixTarget[], safeties: ReadonlySet<FixSafety> = SAFE_ONLY): OffsetEdit[] {
  const taken = new TakenEdits();
  for (const t of targets) {
    const fixes = fixesFor(ctx, t).filter((f) => safeties.has(f.safety));
    const fix = fixes.find((f) => f.safety === 'safe') ?? fixes.find((f) => f.preferred) ?? fixes[0];
    if (!fix || fix.edits.some((e) => taken.overlaps(e))) continue;
    fix.edits.forEach((e) => taken.add(e));
  }
  return taken.all;
}

export const SAFE_ONLY: ReadonlySet<FixSafety> = new Set(['safe']);
