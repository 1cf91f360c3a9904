#!/usr/bin/env node
// Derives the project's schema (server/src/schema/catalog.json) from the domain catalog
// gathered from the product documentation. Run by hand when that catalog changes:
//   node scripts/derive-schema.mjs ../shared/domain/catalog.json
// The derived file is committed: the product does not depend on anything outside the repo.
import { readFileSync, writeFileSync } from 'node:fs';

const [source] = process.argv.slice(2);
if (!source) {
  console.error('usage: node scripts/derive-schema.mjs <path to catalog.json>');
  process.exit(2);
}
const catalog = JSON.parse(readFileSync(source, 'utf8'));
const schema = {
  namespace: catalog.meta.namespace,
  rootElement: catalog.meta.rootElement,
  conventions: {
    booleanValues: catalog.meta.conventions.booleanValues,
    multilingualAttributePattern: catalog.meta.conventions.multilingualAttributePattern,
    caseInsensitiveIdentifiers: catalog.meta.conventions.caseInsensitiveIdentifiers,
    reservedWords: catalog.meta.conventions.reservedWords,
  },
  types: catalog.types,
  referenceGroups: catalog.referenceGroups,
  connectionPackages: catalog.connectionPackages,
  elements: catalog.elements,
  completeSyncOrder: catalog.completeSyncOrder,
  rules: catalog.rules,
};
const out = new URL('../server/src/schema/catalog.json', import.meta.url);
writeFileSync(out, JSON.stringify(schema, null, 1) + '\n');
console.log(`wrote ${out.pathname}: ${Object.keys(schema.elements).length} elements, ${schema.rules.length} rules`);
