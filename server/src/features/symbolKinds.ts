import { SymbolKind } from 'vscode-languageserver-types';
import { TASK_KIND } from '../schema/schema';

/** How each kind of identifier shows in the outline and in workspace symbol search. */
export function symbolKindOf(kind: string | undefined): SymbolKind {
  switch (kind) {
    case TASK_KIND:
      return SymbolKind.Function;
    case 'Job':
      return SymbolKind.Module;
    case 'Connector':
      return SymbolKind.Interface;
    case 'Connection':
      return SymbolKind.Field;
    case 'EntityType':
      return SymbolKind.Class;
    case 'ResourceType':
      return SymbolKind.Struct;
    case 'Agent':
      return SymbolKind.Object;
    default:
      return SymbolKind.Variable;
  }
}
