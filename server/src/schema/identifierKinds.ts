/**
 * How each kind of identifier shows to the user: the words messages use for it, its completion
 * item and symbol kinds, and whether rename offers it. Kinds are the namespaces of the index
 * (see REFERENCE_KINDS): every task type shares TASK_KIND. One table for rules and features.
 */
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver-types';
import { TASK_KIND } from './schema';

export interface IdentifierKind {
  /** In a sentence: 'task', 'entity type', 'OpenIdClient'. */
  label: string;
  completionKind: CompletionItemKind;
  symbolKind: SymbolKind;
  renameable: boolean;
}

const KINDS: Readonly<Record<string, IdentifierKind>> = {
  [TASK_KIND]: { label: 'task', completionKind: CompletionItemKind.Function, symbolKind: SymbolKind.Function, renameable: true },
  Job: { label: 'job', completionKind: CompletionItemKind.Module, symbolKind: SymbolKind.Module, renameable: true },
  Connector: { label: 'connector', completionKind: CompletionItemKind.Interface, symbolKind: SymbolKind.Interface, renameable: true },
  Connection: { label: 'connection', completionKind: CompletionItemKind.Reference, symbolKind: SymbolKind.Field, renameable: true },
  EntityType: { label: 'entity type', completionKind: CompletionItemKind.Class, symbolKind: SymbolKind.Class, renameable: true },
  ResourceType: { label: 'resource type', completionKind: CompletionItemKind.Struct, symbolKind: SymbolKind.Struct, renameable: true },
  Agent: { label: 'agent', completionKind: CompletionItemKind.Unit, symbolKind: SymbolKind.Object, renameable: true },
  OpenIdClient: { label: 'OpenIdClient', completionKind: CompletionItemKind.Constant, symbolKind: SymbolKind.Variable, renameable: true },
};

const others = new Map<string, IdentifierKind>();

/** The kinds rename offers, in the order messages list them. */
export const RENAMEABLE_KINDS: readonly string[] = Object.keys(KINDS).filter((k) => KINDS[k].renameable);

/** Any other kind (Policy, SingleRole…) is named by its words and is not renamed. */
export function identifierKind(kind: string): IdentifierKind {
  const known = KINDS[kind] ?? others.get(kind);
  if (known) return known;
  const label = kind.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const made: IdentifierKind = { label, completionKind: CompletionItemKind.Value, symbolKind: SymbolKind.Variable, renameable: false };
  others.set(kind, made);
  return made;
}

/** The words for a kind, in a sentence: 'entity type'. */
export function kindLabel(kind: string): string {
  return identifierKind(kind).label;
}

/** The same at the start of a sentence: 'Entity type', 'OpenIdClient'. */
export function kindLabelCapitalized(kind: string): string {
  const label = kindLabel(kind);
  return label[0].toUpperCase() + label.slice(1);
}
