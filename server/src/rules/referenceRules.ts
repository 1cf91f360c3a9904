/**
 * References to identifiers that no file of the workspace defines. Task references get the
 * ids of their own rules (a ParentTask, a Step, an override), every other kind shares
 * `reference/unresolved`.
 */
import { FixDataOf, FixKind } from '../fixes/fixData';
import { ReferenceFacts } from '../index/indexFacts';
import { kindLabel } from '../schema/identifierKinds';
import { TASK_KIND } from '../schema/schema';
import { IndexRuleContext, Report, Rule, indexRule } from './rule';

/** References of `entry` that `filter` keeps and no file defines, each offering the fixes `fixes` gives. */
function unresolved<K extends FixKind>(
  filter: (r: ReferenceFacts) => boolean,
  message: (r: ReferenceFacts) => string,
  fixes: (r: ReferenceFacts) => FixDataOf<K>[],
): (ctx: IndexRuleContext, report: Report<K>) => void {
  return ({ entry, index }, report) => {
    for (const r of entry.references) {
      if (!filter(r) || index.hasDefinition(r.kind, r.id)) continue;
      report({ start: r.start, end: r.end, message: message(r), fixes: fixes(r) });
    }
  };
}

/** Another identifier of the same kind, close to the one written. */
const changeIdentifier = (r: ReferenceFacts): FixDataOf<'change-identifier'> => ({ fix: 'change-identifier', kind: r.kind, id: r.id });

const isParentTask = (r: ReferenceFacts) => r.attribute === 'ParentTask';
const isStep = (r: ReferenceFacts) => r.element === 'Step' && r.kind === TASK_KIND;
const isOverride = (r: ReferenceFacts) => r.kind === TASK_KIND && r.element.endsWith('Override');

export const parentExists: Rule = indexRule({
  id: 'dependency/parent-exists',
  severity: 'error',
  source: 'the Job page',
  explanation:
    '`TaskDependsOnTask@ParentTask` must name the Identifier of a task defined somewhere in the configuration; ' + 'otherwise the job fails when the server computes its steps.',
  fixes: { 'change-identifier': 'suggestion', 'create-task': 'suggestion' },
  checkIndex: unresolved(
    isParentTask,
    (r) => `Parent task '${r.id}' is not defined in any configuration file.`,
    (r) => [changeIdentifier(r), { fix: 'create-task', id: r.id }],
  ),
});

export const stepTargetExists: Rule = indexRule({
  id: 'job/step-target-exists',
  severity: 'error',
  source: 'the Job page',
  explanation: '`Step@Identifier` must name an existing task: the job reuses that task.',
  fixes: { 'change-identifier': 'suggestion' },
  checkIndex: unresolved(
    isStep,
    (r) => `Step names task '${r.id}', which is not defined in any configuration file.`,
    (r) => [changeIdentifier(r)],
  ),
});

export const overrideTargetExists: Rule = indexRule({
  id: 'job/override-target-exists',
  severity: 'error',
  source: 'the Job page',
  explanation: 'An `<XTaskOverride Identifier="…">` inside a job changes a few attributes of an existing X task; ' + 'the Identifier must name such a task.',
  checkIndex({ entry, index }, report) {
    for (const r of entry.references) {
      if (!isOverride(r)) continue;
      const taskElement = r.element.slice(0, -'Override'.length);
      const defs = index.definitions(TASK_KIND, r.id);
      if (defs.some((d) => d.element === taskElement)) continue;
      report({
        start: r.start,
        end: r.end,
        message: defs.length
          ? `'${r.id}' is a ${defs[0].element}, not a ${taskElement}: ${r.element} cannot override it.`
          : `${r.element} names task '${r.id}', which is not defined in any configuration file.`,
      });
    }
  },
});

export const referenceUnresolved: Rule = indexRule({
  id: 'reference/unresolved',
  severity: 'error',
  source: 'the attribute tables of the element pages (every attribute that names an Identifier)',
  explanation:
    'A reference attribute (Connector, Connection, Agent, EntityType, ResourceType, OpenIdClient, …) must name the ' +
    'Identifier of an element of that kind in the configuration folder; the deployment fails otherwise.',
  fixes: { 'change-identifier': 'suggestion' },
  checkIndex: unresolved(
    (r) => !isParentTask(r) && !isStep(r) && !isOverride(r),
    (r) => `${r.attribute} '${r.id}': no ${kindLabel(r.kind)} with this identifier in the configuration.`,
    (r) => [changeIdentifier(r)],
  ),
});

export const REFERENCE_RULES: readonly Rule[] = [parentExists, stepTargetExists, overrideTargetExists, referenceUnresolved];
