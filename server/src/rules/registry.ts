/** Every rule the service runs, by id. Quick fixes, settings and docs/rules.md key on the same ids. */
import { ATTRIBUTE_RULES } from './attributeRules';
import { COMPLETE_SYNC_RULES } from './completeSyncRules';
import { CONNECTION_RULES } from './connectionRules';
import { GUIDE_STEP_RULES } from './guideStepRules';
import { INCREMENTAL_RULES } from './incrementalRules';
import { DEPENDENCY_RULES } from './dependencyRules';
import { encodingMojibake } from './encodingRules';
import { IDENTIFIER_RULES } from './identifierRules';
import { JOB_PLAN_RULES } from './jobPlanRules';
import { JOB_RULES } from './jobRules';
import { REFERENCE_RULES } from './referenceRules';
import { Rule } from './rule';
import { SCAFFOLDING_RULES } from './scaffoldingRules';
import { TASK_RULES } from './taskRules';
import { xmlWellFormed } from './xmlWellFormed';
import { fileNamespace, fileRoot, unknownElement } from './structureRules';

export const RULE_GROUPS: readonly { title: string; rules: readonly Rule[] }[] = [
  { title: 'XML and file', rules: [xmlWellFormed, fileRoot, fileNamespace, unknownElement, encodingMojibake] },
  { title: 'Identifiers and references', rules: [...IDENTIFIER_RULES, ...REFERENCE_RULES] },
  { title: 'Dependencies', rules: DEPENDENCY_RULES },
  { title: 'Jobs', rules: [...JOB_RULES, ...JOB_PLAN_RULES] },
  { title: 'Job scaffoldings', rules: SCAFFOLDING_RULES },
  { title: 'Attributes', rules: ATTRIBUTE_RULES },
  { title: 'Tasks', rules: TASK_RULES },
  { title: 'Connections', rules: CONNECTION_RULES },
  { title: 'Complete-synchronization jobs', rules: [...COMPLETE_SYNC_RULES, ...GUIDE_STEP_RULES] },
  { title: 'Incremental jobs', rules: INCREMENTAL_RULES },
];

export const RULES: readonly Rule[] = RULE_GROUPS.flatMap((g) => g.rules);

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
