// Starts and stops a throwaway code-server: fresh port, profile and extension folders per run,
// every file it writes kept inside the run folder, the whole process group stopped at the end.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');
const { tools } = require('./tools');

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function healthy(base) {
  return new Promise((resolve) => {
    const req = http.get(`${base}/healthz`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(1000, () => req.destroy());
  });
}

function dirsOf(runDir) {
  const d = {
    user: path.join(runDir, 'user'),
    extensions: path.join(runDir, 'extensions'),
    xdg: path.join(runDir, 'xdg'),
    tmp: path.join(runDir, 'tmp'),
    log: path.join(runDir, 'code-server.log'),
  };
  for (const dir of [path.join(d.user, 'User'), d.extensions, d.xdg, d.tmp]) fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(path.join(__dirname, 'code-server-settings.json'), path.join(d.user, 'User', 'settings.json'));
  return d;
}

function envOf(d) {
  // Node 24 first on PATH: code-server and the language server it forks run on it.
  // XDG_* and TMPDIR: else code-server writes into ~/.config and /tmp (its IPC sockets).
  return { ...process.env, PATH: `${tools.node24Bin}:${process.env.PATH}`, XDG_CONFIG_HOME: d.xdg, XDG_DATA_HOME: d.xdg, XDG_CACHE_HOME: d.xdg, TMPDIR: d.tmp };
}

function commonArgs(d) {
  return ['--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--extensions-dir', d.extensions, '--user-data-dir', d.user];
}

/** `code-server --install-extension <vsix>` into the run's extension folder. */
function installExtension(runDir, vsix) {
  const d = dirsOf(runDir);
  return execFileSync(tools.codeServer, [...commonArgs(d), '--install-extension', vsix], { env: envOf(d), encoding: 'utf8', timeout: 120000 });
}

/**
 * Starts code-server in its own process group and waits for /healthz.
 * `smokeTestDriver`: without it the workbench ignores the extension-test payload in the URL.
 */
async function startCodeServer(runDir, { smokeTestDriver = false, timeoutMs = 60000 } = {}) {
  const d = dirsOf(runDir);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const args = [...commonArgs(d), '--bind-addr', `127.0.0.1:${port}`];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const log = fs.openSync(d.log, 'a');
  const child = spawn(tools.codeServer, args, { env: envOf(d), detached: true, stdio: ['ignore', log, log] });
  fs.closeSync(log);
  let exited = false;
  child.on('exit', () => (exited = true));
  // Never leave code-server behind, even when the launcher itself dies.
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
      return true;
    } catch {
      return false; // ESRCH: the group is gone
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);

  const stop = async () => {
    process.off('exit', onExit);
    killGroup('SIGTERM');
    // Wait for every process of the group (its children held the port for long after a plain kill).
    const deadline = Date.now() + 10000;
    while (killGroup(0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    killGroup('SIGKILL');
  };

  const deadline = Date.now() + timeoutMs;
  while (!(await healthy(base))) {
    if (exited || Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not start (${exited ? 'exited' : 'timeout'}); log:\n${fs.readFileSync(d.log, 'utf8').slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { base, port, authority: `127.0.0.1:${port}`, log: d.log, stop };
}

module.exports = { startCodeServer, installExtension };
