import type { Location, Position } from 'vscode-languageserver-types';
import type { FeatureContext } from '../languageService';
import { compact, definitionLocation, symbolAt } from './locations';

/** From a reference (or a definition) to the defining elements' Identifier values, in any file. */
export function findDefinition(ctx: FeatureContext, position: Position): Location[] {
  const s = symbolAt(ctx, position);
  if (!s) return [];
  return compact(ctx.index.definitions(s.kind, s.id).map((d) => definitionLocation(ctx.index, d)));
}
