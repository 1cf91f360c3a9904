#!/usr/bin/env node
// Runs the in-editor mocha suite (test/e2e/suite) inside code-server's real extension host,
// loading the extension from this repository (extensionDevelopmentPath), with headless Chromium
// as the workbench. Prints the suite's report and `N passed, N failed`; exits 0 only when the
// suite reported and passed. code-server has no --extensionTestsPath: the test paths travel in
// the page URL's payload, which the workbench honours only with enable-smoke-test-driver.
const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const { tools, requireTools } = require('./lib/tools');
const { makeRunDir, makeWorkspace, removeRunDir } = require('./lib/workspace');
const { startCodeServer } = require('./lib/codeServer');
const { launchBrowser } = require('./lib/browser');

const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS || 240000);
// Workbench chatter that is not test output: offline gallery lookups, connection setup, auth.
const NOISE =
  /open-vsx\.org|^\s*at |Creating a socket|connection token|grace time|AgentHost|AccountPolicyGate|Service Worker|builtin extensions cache|authentication provider 'github'|marketplace|Failed to fetch/i;
const SUMMARY = /^(\d+) passed, (\d+) failed/;

async function main() {
  requireTools('codeServer', 'node24', 'chromium');
  const t0 = Date.now();
  const secs = () => ((Date.now() - t0) / 1000).toFixed(1);
  const runDir = makeRunDir();
  const workspace = makeWorkspace(runDir);
  let server;
  let browser;
  let summary;
  let result;
  try {
    server = await startCodeServer(runDir, { smokeTestDriver: true });
    console.log(`[e2e] code-server up at ${server.base} after ${secs()}s`);
    const remote = (p) => `vscode-remote://${server.authority}${encodeURI(p)}`;
    const payload = [
      ['extensionDevelopmentPath', remote(tools.repo)],
      ['extensionTestsPath', remote(path.join(__dirname, 'suite', 'index.js'))],
    ];
    const url = `${server.base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    browser = await launchBrowser(runDir);
    let exit;
    const exited = new Promise((resolve) => (exit = resolve));
    // The workbench forwards the extension host's console here: mocha's report comes this way.
    await browser.page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = util.format(...(args || []));
      if (NOISE.test(line)) return;
      const m = SUMMARY.exec(line.trim());
      if (m) summary = { passed: +m[1], failed: +m[2], line: line.trim() };
      (type === 'error' || type === 'warn' ? console.error : console.log)(line);
    });
    await browser.page.exposeFunction('codeAutomationExit', (code) => exit(code));
    browser.page.on('pageerror', (e) => console.error('[pageerror]', e.message));
    await browser.page.goto(url);
    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS)));
    result = await Promise.race([exited, timeout]);
    clearTimeout(timer);
  } catch (e) {
    console.error(`[e2e] ${e.stack || e}`);
    result = 'error';
  } finally {
    await browser?.context.close().catch(() => {});
    await server?.stop();
  }

  const ok = result === 0 && summary && summary.failed === 0;
  if (!ok && server) {
    // Keep the code-server log of a failed run.
    fs.mkdirSync(tools.results, { recursive: true });
    fs.copyFileSync(server.log, path.join(tools.results, 'suite-code-server.log'));
    console.error(`[e2e] code-server log: ${path.relative(process.cwd(), path.join(tools.results, 'suite-code-server.log'))}`);
  }
  removeRunDir(runDir);
  console.log(`[e2e] extension host exit: ${result === 'timeout' ? `timeout after ${TIMEOUT_MS / 1000}s` : result}; ${secs()}s in all`);
  console.log(summary ? summary.line : '0 passed, 1 failed (the suite did not report)');
  process.exit(ok ? 0 : 1);
}

main();
