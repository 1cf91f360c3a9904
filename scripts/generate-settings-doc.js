#!/usr/bin/env node
// Writes the settings table of README.md from package.json's contributes.configuration
// (`npm run docs:settings`); a unit test fails when the README and package.json drift apart.
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const BEGIN = '<!-- settings: generated from package.json by `npm run docs:settings`; do not edit by hand -->';
const END = '<!-- /settings -->';
/** The sentence every description ends with; the table shows the default in its own column. */
const DEFAULT_SENTENCE = /\s*Default: `[^`]*`(?: \([^)]*\))?\.$/;

/** A description as README text: `#files.exclude#` setting links become plain names, one line, no bare `|`. */
function cellText(markdown) {
  return markdown
    .replace(DEFAULT_SENTENCE, '')
    .replace(/#([\w.]+)#/g, '$1')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');
}

/** The table between the markers: one row per setting, in package.json's order. */
function renderSettingsTable(pkg) {
  const rows = ['| setting | default | description |', '|---|---|---|'];
  for (const [name, s] of Object.entries(pkg.contributes.configuration.properties)) {
    rows.push(`| \`${name}\` | \`${JSON.stringify(s.default)}\` | ${cellText(s.markdownDescription ?? s.description ?? '')} |`);
  }
  return [BEGIN, ...rows, END].join('\n');
}

/** The README with its settings table replaced; throws when the markers are missing. */
function readmeWithSettings(readme, pkg) {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END, begin);
  if (begin < 0 || end < 0) throw new Error(`README.md lacks the settings markers ${BEGIN} … ${END}`);
  return readme.slice(0, begin) + renderSettingsTable(pkg) + readme.slice(end + END.length);
}

module.exports = { renderSettingsTable, readmeWithSettings };

if (require.main === module) {
  const root = path.join(__dirname, '..');
  const readmePath = path.join(root, 'README.md');
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  writeFileSync(readmePath, readmeWithSettings(readFileSync(readmePath, 'utf8'), pkg));
  console.log(`wrote the settings table of ${path.relative(process.cwd(), readmePath)}`);
}
