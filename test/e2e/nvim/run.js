#!/usr/bin/env node
// Runs lsp-smoke.lua in headless Neovim against dist/server.js on examples/ (read only).
// Prints its `N passed, N failed` and exits non-zero on a failure or after 60 s.
const { spawn } = require('node:child_process');
const path = require('node:path');
const { tools, requireTools } = require('../lib/tools');

requireTools('nvim');
const t0 = Date.now();
const child = spawn(tools.nvim, ['--headless', '--clean', '-c', `luafile ${path.join(__dirname, 'lsp-smoke.lua')}`], {
  env: { ...process.env, LSP_SERVER: path.join(tools.repo, 'dist', 'server.js'), WORKSPACE: path.join(tools.repo, 'examples') },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const timer = setTimeout(() => {
  console.error('Neovim did not finish in 60 s');
  child.kill('SIGKILL');
}, 60000);
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  console.log(`[nvim] exit ${signal || code} after ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  process.exit(code === 0 ? 0 : 1);
});
