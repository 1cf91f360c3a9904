#!/usr/bin/env node
// `npm run test:e2e`: every real-editor check, in order, with the time each stage took.
//   package  npm run package (production bundles + usercube-jobs-<version>.vsix)
//   suite    the mocha suite in code-server's extension host (runInCodeServer.js)
//   ui       the .vsix installed into code-server, driven in Chromium (ui/uiTest.js)
//   nvim     Neovim's LSP client against dist/server.js (nvim/run.js)
// Needs the tools of scripts/e2e/setup.sh. Exits non-zero if any stage failed.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { tools } = require('./lib/tools');

const pkg = require(path.join(tools.repo, 'package.json'));
const vsix = path.join(tools.repo, `${pkg.name}-${pkg.version}.vsix`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const stages = [
  { name: 'package', cmd: npm, args: ['run', '--silent', 'package'], before: () => fs.rmSync(vsix, { force: true }) },
  { name: 'suite', cmd: process.execPath, args: [path.join(__dirname, 'runInCodeServer.js')] },
  { name: 'ui', cmd: process.execPath, args: [path.join(__dirname, 'ui', 'uiTest.js'), vsix], needs: 'package' },
  { name: 'nvim', cmd: process.execPath, args: [path.join(__dirname, 'nvim', 'run.js')] },
];

const results = [];
for (const s of stages) {
  const failedNeed = s.needs && results.find((r) => r.name === s.needs && !r.ok);
  if (failedNeed) {
    results.push({ name: s.name, ok: false, secs: 0, note: `not run: ${s.needs} failed` });
    continue;
  }
  console.log(`\n=== ${s.name}`);
  s.before?.();
  const t = Date.now();
  const r = spawnSync(s.cmd, s.args, { cwd: tools.repo, stdio: 'inherit' });
  results.push({ name: s.name, ok: r.status === 0, secs: (Date.now() - t) / 1000, note: r.status === 0 ? '' : `exit ${r.signal || r.status}` });
}

console.log('\n=== e2e stages');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(8)} ${r.secs.toFixed(1).padStart(6)} s ${r.note}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} stages passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
