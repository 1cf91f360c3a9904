// A throwaway folder per run: the editor's profile and a copy of the workspace the tests edit.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { tools } = require('./tools');

function makeRunDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'usercube-e2e-'));
}

/** examples/ with test/fixtures/e2e-broken/ laid over it (its files sit beside examples/Conf). */
function makeWorkspace(runDir) {
  const ws = path.join(runDir, 'workspace');
  fs.cpSync(path.join(tools.repo, 'examples'), ws, { recursive: true });
  fs.cpSync(path.join(tools.repo, 'test', 'fixtures', 'e2e-broken'), ws, { recursive: true });
  return ws;
}

function removeRunDir(runDir) {
  fs.rmSync(runDir, { recursive: true, force: true });
}

module.exports = { makeRunDir, makeWorkspace, removeRunDir };
