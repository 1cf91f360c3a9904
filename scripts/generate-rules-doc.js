#!/usr/bin/env node
// Writes docs/rules.md from the rule registry (run `npm run docs:rules`, which compiles first).
const { writeFileSync } = require('node:fs');
const path = require('node:path');
const { renderRulesMarkdown } = require('../out/server/src/rules/rulesDoc');

const target = path.join(__dirname, '..', 'docs', 'rules.md');
writeFileSync(target, renderRulesMarkdown());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
