/**
 * Quick fixes: the edits of each fix kind (rules declare which kinds their findings offer, and
 * whether each is safe or a suggestion, see FixKind and FixSafety in rules/rule.ts). Fixes key
 * on rule ids and on the facts rules put in `data`, never on messages. Fix-all takes the safe
 * fixes only (and the preferred suggestion too when asked, as `--fix-type suggestion` does).
 */
import { WorkspaceIndex } from '../index/workspaceIndex';
import { RULES_BY_ID } from '../rules/registry';
import { FixKind, FixSafety } from '../rules/rule';
import { XmlElement, XmlTree, attribute, startTagAt } from '../model/xmlTree';
import { closestIdentifiers } from './closestIdentifiers';
import {
  OffsetEdit,
  TakenEdits,
  appendChild,
  emptyElement,
  insertBefore,
  removeAttribute,
  renameAttribute,
  renameElement,
  setAttribute,
} from './textEdits';

export interface FixTarget {
  rule: string;
  start: number;
  end: number;
  data?: Record<string, unknown>;
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

type FixProvider = (ctx: FixContext, target: FixTarget, el: XmlElement) => ProposedFix[];

const PROVIDERS: Record<FixKind, FixProvider> = {
  'set-mode': (_ctx, _t, el) => [{ title: 'Set SynchronizationMode="Complete"', edits: [setAttribute(el, 'SynchronizationMode', 'Complete')], preferred: true }],
  'remove-attribute': (ctx, t, el) => {
    const name = String(t.data?.attribute);
    const attr = attribute(el, name);
    return attr ? [{ title: `Remove ${name}`, edits: [removeAttribute(ctx.text, attr)], preferred: true }] : [];
  },
  'set-attribute': (_ctx, t, el) => {
    const name = String(t.data?.attribute);
    const value = String(t.data?.value);
    return [{ title: `Set ${name}="${value}"`, edits: [setAttribute(el, name, value)], preferred: true }];
  },
  'rename-attribute': (_ctx, t, el) => {
    const to = String(t.data?.to);
    const attr = el.attributes.find((a) => a.nameStart === t.start);
    return attr ? [{ title: `Rename '${attr.name}' to '${to}'`, edits: [renameAttribute(attr, to)], preferred: true }] : [];
  },
  'set-type': (ctx, t, el) => {
    const type = String(t.data?.type);
    const attr = attribute(el, 'Type');
    if (type === 'None') {
      return attr ? [{ title: 'Remove Type (the prepare task has none)', edits: [removeAttribute(ctx.text, attr)], preferred: true }] : [];
    }
    return [{ title: `Set Type="${type}" as in the prepare task`, edits: [setAttribute(el, 'Type', type)], preferred: true }];
  },
  'add-dependency': (ctx, t, el) => {
    const candidates = (t.data?.candidates as string[] | undefined) ?? [];
    return candidates.map((parent, i) => ({
      title: `Add dependency on '${parent}'`,
      edits: [appendChild(ctx.text, el, emptyElement(ctx.text, 'TaskDependsOnTask', [['ParentTask', parent]]))],
      preferred: i === 0,
    }));
  },
  'change-identifier': (ctx, t) => changeIdentifier(ctx, t),
  'create-task': (ctx, t, el) => createTask(ctx, t, el),
  'rename-element': (ctx, t, el) => {
    const name = String(t.data?.name);
    return [{ title: `Rename to <${name}>`, edits: renameElement(ctx.text, el, name), preferred: true }];
  },
};

/** "Change to 'X'" for the closest identifiers of the right kind. */
function changeIdentifier(ctx: FixContext, t: FixTarget): ProposedFix[] {
  const kind = String(t.data?.kind ?? '');
  const id = String(t.data?.id ?? '');
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
function createTask(ctx: FixContext, t: FixTarget, dependsOn: XmlElement): ProposedFix[] {
  const id = String(t.data?.id ?? '');
  const task = dependsOn.parent;
  if (!id || !task) return [];
  const type = TYPE_BY_WORD.find(([re]) => re.test(id))?.[1] ?? USUAL_PARENT[task.name] ?? 'InvokeExpressionTask';
  const xml = emptyElement(ctx.text, type, [
    ['Identifier', id],
    ['DisplayName_L1', id],
  ]);
  return [{ title: `Create ${type} '${id}'`, edits: [insertBefore(ctx.text, task, xml)] }];
}

/** The fix kinds a finding offers: the one its data names, else every kind its rule declares. */
function kindsOf(target: FixTarget): [FixKind, FixSafety][] {
  const declared = RULES_BY_ID.get(target.rule)?.fixes ?? {};
  const named = typeof target.data?.fix === 'string' ? (target.data.fix as FixKind) : undefined;
  const kinds = (named ? [named] : (Object.keys(declared) as FixKind[])).filter((k) => declared[k] !== undefined);
  return kinds.map((k) => [k, declared[k]!]);
}

export function fixesFor(ctx: FixContext, target: FixTarget): Fix[] {
  const kinds = kindsOf(target);
  // The element whose start tag holds the diagnostic, looked up only for a finding with a fix.
  const el = kinds.length > 0 ? startTagAt(ctx.tree, target.start) : undefined;
  if (!el) return [];
  return kinds.flatMap(([kind, safety]) => PROVIDERS[kind](ctx, target, el).map((f) => ({ ...f, safety })));
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
