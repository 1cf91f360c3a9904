// Debian's Chromium, headless, driven by playwright-core; nothing it writes outlives the run.
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { tools } = require('./tools');

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-breakpad',
  '--disable-crash-reporter',
];

/**
 * Returns { context, page }; close the context to stop Chromium. `deviceScaleFactor` 2 renders
 * like a HiDPI screen, for screenshots meant to be shown at half their pixel size.
 */
async function launchBrowser(runDir, { viewport = { width: 1400, height: 850 }, deviceScaleFactor = 1 } = {}) {
  const profile = path.join(runDir, 'chromium');
  fs.mkdirSync(profile, { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: tools.chromium,
    headless: true,
    viewport,
    deviceScaleFactor,
    args: ARGS,
    // Else Chromium writes ~/.config/chromium (crash reports).
    env: { ...process.env, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
  });
  const page = context.pages()[0] || (await context.newPage());
  return { context, page };
}

module.exports = { launchBrowser };
