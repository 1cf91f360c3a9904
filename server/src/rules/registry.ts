/** Every rule the service runs, by id. Quick fixes and settings key on the same ids. */
import { Rule } from './rule';
import { overrideTargetExists, parentExists, referenceUnresolved, stepTargetExists } from './unresolvedReferences';
import { identifierUnique } from './uniqueIdentifiers';
import { xmlWellFormed } from './xmlWellFormed';

export const RULES: readonly Rule[] = [xmlWellFormed, parentExists, stepTargetExists, overrideTargetExists, referenceUnresolved, identifierUnique];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
