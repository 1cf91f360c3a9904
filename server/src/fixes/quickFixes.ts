/**
 * Quick fixes, keyed on rule ids and on the facts rules put in `data` (never on messages).
 * A fix is "safe" when it has one obvious result; safe fixes also make up "fix all".
 */
import { WorkspaceIndex } from '../index/workspaceIndex';
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
  setAttribute,
} from './textEdits';

export interface FixTarget {
  rule: string;
  start: number;
  end: number;
  data?: Record<string, unknown>;
}

export interface Fix {
  title: string;
  edits: OffsetEdit[];
  safe: boolean;
  preferred?: boolean;
}

export interface FixContext {
  text: string;
  tree: XmlTree;
  index: WorkspaceIndex;
}

type FixProvider = (ctx: FixContext, target: FixTarget, el: XmlElement) => Fix[];

const byDataFix: Record<string, FixProvider> = {
  'set-mode': (_ctx, _t, el) => [{ title: 'Set SynchronizationMode="Complete"', edits: [setAttribute(el, 'SynchronizationMode', 'Complete')], safe: true, preferred: true }],
  'remove-attribute': (ctx, t, el) => {
    const name = String(t.data?.attribute);
    const attr = attribute(el, name);
    return attr ? [{ title: `Remove ${name}`, edits: [removeAttribute(ctx.text, attr)], safe: true, preferred: true }] : [];
  },
  'set-attribute': (_ctx, t, el) => {
    const name = String(t.data?.attribute);
    const value = String(t.data?.value);
    return [{ title: `Set ${name}="${value}"`, edits: [setAttribute(el, name, value)], safe: true, preferred: true }];
  },
  'set-type': (ctx, t, el) => {
    const type = String(t.data?.type);
    const attr = attribute(el, 'Type');
    if (type === 'None') {
      return attr ? [{ title: "Remove Type (the prepare task has none)", edits: [removeAttribute(ctx.text, attr)], safe: true, preferred: true }] : [];
    }
    return [{ title: `Set Type="${type}" as in the prepare task`, edits: [setAttribute(el, 'Type', type)], safe: true, preferred: true }];
  },
  'add-dependency': (ctx, t, el) => {
    const candidates = (t.data?.candidates as string[] | undefined) ?? [];
    return candidates.map((parent, i) => ({
      title: `Add dependency on '${parent}'`,
      edits: [appendChild(ctx.text, el, emptyElement(ctx.text, 'TaskDependsOnTask', [['ParentTask', parent]]))],
      safe: candidates.length === 1,
      preferred: i === 0,
    }));
  },
};

const byRule: Record<string, FixProvider> = {
  'taskentitytype/attribute-name': (_ctx, _t, el) => {
    const attr = attribute(el, 'Identifier');
    return attr ? [{ title: "Rename 'Identifier' to 'EntityType'", edits: [renameAttribute(attr, 'EntityType')], safe: true, preferred: true }] : [];
  },
  'job/crontab-attribute-casing': (_ctx, t, el) => {
    const attr = el.attributes.find((a) => a.nameStart === t.start);
    return attr ? [{ title: "Rename to 'CronTabExpression'", edits: [renameAttribute(attr, 'CronTabExpression')], safe: true, preferred: true }] : [];
  },
  'dependency/parent-exists': (ctx, t, el) => [...changeIdentifier(ctx, t), ...createTask(ctx, t, el)],
  'reference/unresolved': (ctx, t) => changeIdentifier(ctx, t),
  'job/step-target-exists': (ctx, t) => changeIdentifier(ctx, t),
};

/** "Change to 'X'" for the closest identifiers of the right kind. */
function changeIdentifier(ctx: FixContext, t: FixTarget): Fix[] {
  const kind = String(t.data?.kind ?? '');
  const id = String(t.data?.id ?? '');
  if (!kind) return [];
  return closestIdentifiers(ctx.index, kind, id, 3).map((candidate, i) => ({
    title: `Change to '${candidate}'`,
    edits: [{ start: t.start, end: t.end, newText: candidate }],
    safe: false,
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
function createTask(ctx: FixContext, t: FixTarget, dependsOn: XmlElement): Fix[] {
  const id = String(t.data?.id ?? '');
  const task = dependsOn.parent;
  if (!id || !task) return [];
  const type = TYPE_BY_WORD.find(([re]) => re.test(id))?.[1] ?? USUAL_PARENT[task.name] ?? 'InvokeExpressionTask';
  const xml = emptyElement(ctx.text, type, [
    ['Identifier', id],
    ['DisplayName_L1', id],
  ]);
  return [{ title: `Create ${type} '${id}'`, edits: [insertBefore(ctx.text, task, xml)], safe: false }];
}

export function fixesFor(ctx: FixContext, target: FixTarget): Fix[] {
  const kind = typeof target.data?.fix === 'string' ? (byDataFix[target.data.fix] as FixProvider | undefined) : undefined;
  const provider = kind ?? (byRule[target.rule] as FixProvider | undefined);
  // The element whose start tag holds the diagnostic, looked up only for a finding with a fix.
  const el = provider ? startTagAt(ctx.tree, target.start) : undefined;
  return provider && el ? provider(ctx, target, el) : [];
}

/** Safe fixes for all targets, skipping any that would overlap an edit already taken. */
export function safeFixes(ctx: FixContext, targets: readonly FixTarget[]): OffsetEdit[] {
  const taken = new TakenEdits();
  for (const t of targets) {
    const fix = fixesFor(ctx, t).find((f) => f.safe);
    if (!fix) continue;
    if (fix.edits.some((e) => taken.overlaps(e))) continue;
    fix.edits.forEach((e) => taken.add(e));
  }
  return taken.all;
}

/** Rules with at least one quick fix (by rule id, or through the fix kind their findings carry). */
const RULES_WITH_DATA_FIXES = [
  'sync-complete/prepare-mode-complete',
  'sync-complete/no-initial-flags',
  'sync-complete/no-donotdeletechanges',
  'sync-complete/no-forceprovisioning',
  'sync-complete/not-incremental',
  'synchronize/type-matches-prepare',
  'export/ignore-cookie-on-complete',
  'export/continue-on-error',
  'fulfill/continue-on-error',
  'prepare/depends-on-export',
  'synchronize/depends-on-export-or-prepare',
  'fulfill/depends-on-generate-provisioning',
  'setinternaluserprofiles/depends-on-fulfill',
];

export function fixableRules(): ReadonlySet<string> {
  return new Set([...Object.keys(byRule), ...RULES_WITH_DATA_FIXES]);
}
