#!/usr/bin/env node
// Runs the same in-editor suite in desktop VS Code through @vscode/test-electron: the VS Code
// at VSCODE_EXECUTABLE if set, else a build it downloads (needs Microsoft's update server;
// offline machines and CI use runInCodeServer.js instead). Exits non-zero on any failure.
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');
const { tools } = require('./lib/tools');
const { makeRunDir, makeWorkspace, removeRunDir } = require('./lib/workspace');

async function main() {
  const runDir = makeRunDir();
  const workspace = makeWorkspace(runDir);
  let code = 1;
  try {
    code = await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      version: process.env.VSCODE_VERSION || 'stable',
      extensionDevelopmentPath: tools.repo,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions', // every other extension: the one under test still loads
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${path.join(runDir, 'user')}`,
        `--extensions-dir=${path.join(runDir, 'extensions')}`,
      ],
    });
  } catch (e) {
    // runTests rejects with the exit code when the suite fails, or when VS Code cannot be had.
    console.error(`[vscode] ${e.message || e}`);
  } finally {
    removeRunDir(runDir);
  }
  process.exit(code === 0 ? 0 : 1);
}

main();
