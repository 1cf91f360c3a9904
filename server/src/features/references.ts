import type { Location, Position } from 'vscode-languageserver-types';
import type { FeatureContext } from '../languageService';
import { compact, definitionLocation, referenceLocations, symbolAt } from './locations';

/** Every place that names the identifier at the position, across files. */
export function findReferences(ctx: FeatureContext, position: Position, includeDeclaration: boolean): Location[] {
  const s = symbolAt(ctx, position);
  if (!s) return [];
  const refs = referenceLocations(ctx.index.references(s.kind, s.id));
  if (!includeDeclaration) return refs;
  return [...compact(ctx.index.definitions(s.kind, s.id).map((d) => definitionLocation(ctx.index, d))), ...refs];
}
