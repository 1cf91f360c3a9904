#!/usr/bin/env node
// The packaged extension, as a user gets it: install the .vsix into a fresh code-server, open
// the workspace in headless Chromium and use the editor with the keyboard, reading the DOM.
//   1. completion: Ctrl+Space in a ParentTask value lists the shared tasks of another file;
//   2. diagnostic: the hover on a broken ParentTask shows the rule id;
//   3. quick fix: Ctrl+. there offers the existing task and applying it fixes the line;
//   4. outline: the Outline view lists the job and its tasks;
//   5. Jobs view: the code lens "<N> tasks · <M> levels" shows the job, its levels and tasks;
//   6. job graph: "Show Job Graph" draws a job in a webview, and a click on a box opens the task;
//   7. run: the "Run job" lens without the runtime folder says so and opens the setting; with it
//      (a stand-in executable that records its arguments) it asks for the API secret once and
//      runs the job in a terminal that shows the command line without the secret;
//   8. status: the language status item shows the index's totals and opens the server's output.
//   9. rule page: the rule id in the hover opens the rule's page shipped in the extension,
//      with no request leaving the machine;
//  10. snippet and command line: the complete-sync job snippet, `usercube-jobs check` in a terminal;
//  11. walkthrough: "Get started with Usercube Jobs" lists its steps, each with a button; the
//      CI step's button opens docs/ci.md, shipped in the extension.
// Screenshots go to test-results/e2e/; with --update-docs they also replace docs/images/*.png
// and the walkthrough's images, media/walkthrough/*.png (the walkthrough screenshot shows the
// images packaged in the .vsix: run twice, packaging in between, after the images changed).
// Usage: node test/e2e/ui/uiTest.js [path/to/usercube-jobs-<version>.vsix] [--update-docs]
const fs = require('node:fs');
const path = require('node:path');
const { tools, requireTools } = require('../lib/tools');
const { makeRunDir, makeWorkspace, removeRunDir } = require('../lib/workspace');
const { installExtension, startCodeServer } = require('../lib/codeServer');
const { launchBrowser } = require('../lib/browser');
const { standInRuntime, calls } = require('../lib/standInRuntime');

const args = process.argv.slice(2);
const updateDocs = args.includes('--update-docs');
const pkg = require(path.join(tools.repo, 'package.json'));
const vsix = path.resolve(args.find((a) => !a.startsWith('--')) || path.join(tools.repo, `${pkg.name}-${pkg.version}.vsix`));
const DOCS = path.join(tools.repo, 'docs', 'images');
const MEDIA = path.join(tools.repo, 'media', 'walkthrough');
const t0 = Date.now();
const lap = (msg) => console.log(`[ui ${((Date.now() - t0) / 1000).toFixed(1)}s] ${msg}`);

let passed = 0;
let failed = 0;
let page; // for a screenshot of each failure

/** One user-visible check: failures are counted and the run goes on to the next check. */
async function check(name, fn) {
  try {
    await fn();
    passed++;
    lap(`ok   ${name}`);
  } catch (e) {
    failed++;
    // Playwright's message says which locator it waited for on a later line.
    const waited = e.message.split('\n').find((l) => /waiting for/.test(l));
    lap(`FAIL ${name}: ${e.message.split('\n')[0]}${waited ? ` (${waited.trim()})` : ''}`);
    if (page) await screenshot(page, `failure-${failed}`, { dir: null }).catch(() => {});
  }
}

/** 1-based line and column of `delta` characters into `needle`, as the status bar shows them. */
function lineCol(file, needle, delta) {
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`'${needle}' not in ${file}`);
  const before = text.slice(0, at + delta).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

/**
 * A screenshot of the page, one pixel per CSS pixel; or of `clip` at the screen's two pixels
 * per CSS pixel. Kept in test-results/e2e/ and, with --update-docs, in `dir` (failures: none).
 */
async function screenshot(page, name, { dir = DOCS, clip } = {}) {
  fs.mkdirSync(tools.results, { recursive: true });
  const file = path.join(tools.results, `${name}.png`);
  await page.screenshot({ path: file, clip, scale: clip ? 'device' : 'css' });
  const kept = updateDocs && dir ? path.join(dir, `${name}.png`) : undefined;
  if (kept) {
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(file, kept);
  }
  lap(`screenshot ${path.relative(tools.repo, file)}${kept ? ` and ${path.relative(tools.repo, kept)}` : ''}`);
}

/** Where `locator` is on the page; the editor redraws its lines at times, so ask again for 2 s. */
async function boxOf(locator) {
  for (let i = 0; i < 20; i++) {
    const box = await locator
      .first()
      .boundingBox({ timeout: 1000 })
      .catch(() => null);
    if (box) return box;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

/**
 * An image of a walkthrough step (media/walkthrough/): the part of the page around `locators`
 * (from their top left corner, between 480 × 300 and 720 × 480 CSS pixels), at two pixels per
 * CSS pixel. The walkthrough shows images in a column about 450 pixels wide: keep them small.
 */
async function walkthroughImage(page, name, locators) {
  const boxes = (await Promise.all(locators.map(boxOf))).filter(Boolean);
  if (boxes.length === 0) throw new Error(`nothing to show in the ${name} image`);
  const view = page.viewportSize();
  const left = Math.max(0, Math.min(...boxes.map((b) => b.x)) - 12);
  const top = Math.max(0, Math.min(...boxes.map((b) => b.y)) - 12);
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + 12;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + 12;
  const width = Math.min(view.width - left, Math.max(480, Math.min(720, right - left)));
  const height = Math.min(view.height - top, Math.max(300, Math.min(480, bottom - top)));
  await screenshot(page, name, { dir: MEDIA, clip: { x: left, y: top, width, height } });
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Quick Open (Ctrl+P) a file by its workspace path and wait for its editor tab. The list
 * re-sorts as search results arrive, so a wrong pick is retried.
 */
async function openFile(page, relPath) {
  const name = path.basename(relPath);
  const input = page.locator('.quick-input-widget input');
  const focused = page.locator('.quick-input-widget .monaco-list-row.focused .label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) });
  const tab = page.locator('.tabs-container .tab.active', { hasText: new RegExp(`^\\s*${escapeRegExp(name)}`) });
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill(relPath);
    await focused.waitFor({ timeout: 30000 });
    await page.keyboard.press('Enter');
    try {
      // .first(): another editor group (a job graph beside) has an active tab too.
      await tab.first().waitFor({ timeout: 5000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ timeout: 10000 });
  lap(`opened ${relPath}`);
}

/** Go to Line/Column (Ctrl+G), then wait for the status bar to show the cursor there. */
async function goTo(page, { line, col }) {
  await page.locator('.editor-instance .monaco-editor .view-line').first().click();
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await page
    .locator('.statusbar-item', { hasText: `Ln ${line}, Col ${col}` })
    .first()
    .waitFor({ timeout: 10000 });
  lap(`cursor at ${line}:${col}`);
}

/** Waits until a settings.json below `dir` (the profile: user, remote or workspace settings) names `key`. */
async function waitForSettingsFile(dir, key, timeoutMs = 10000) {
  const files = (d) =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(d, e.name)) : e.name === 'settings.json' ? [path.join(d, e.name)] : []));
  const deadline = Date.now() + timeoutMs;
  while (!files(dir).some((f) => fs.readFileSync(f, 'utf8').includes(key))) {
    if (Date.now() > deadline) throw new Error(`no settings.json below ${dir} names ${key}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The stand-in's calls once there are `n` of them. */
async function waitForCalls(runtime, n, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const c = calls(runtime);
    if (c.length >= n) return c;
    if (Date.now() > deadline) throw new Error(`the stand-in was called ${c.length} times, not ${n}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs a command by its title from the Command Palette (F1). */
async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  // Pressed again when the palette does not open: a key can be lost while the page is busy.
  await retryUntilVisible(page, ['F1'], input, 3, 4000);
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title }).waitFor({ timeout: 10000 });
  await page.keyboard.press('Enter');
}

/** Presses `keys` until `locator` shows up (waiting `waitMs` each time): the language server may still be indexing. */
async function retryUntilVisible(page, keys, locator, tries = 30, waitMs = 1000) {
  for (let i = 0; i < tries; i++) {
    for (const k of keys) await page.keyboard.press(k);
    try {
      await locator.first().waitFor({ timeout: waitMs });
      if (i > 0) lap(`${keys.join(' ')}: shown after ${i + 1} tries`);
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`${keys.join(' ')}: nothing showed up after ${tries} tries`);
}

async function main() {
  requireTools('codeServer', 'node24', 'chromium');
  if (!fs.existsSync(vsix)) {
    console.error(`${vsix} not found: run npm run package first.`);
    process.exit(2);
  }
  const runDir = makeRunDir();
  const ws = makeWorkspace(runDir);
  const runtime = standInRuntime(runDir);
  const API_URL = 'http://127.0.0.1:5999';
  const SECRET = 'ui-Secr3t';
  // The server URL is a workspace setting; the runtime folder is set through the settings editor below.
  fs.mkdirSync(path.join(ws, '.vscode'));
  fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'usercubeJobs.apiUrl': API_URL }, null, 2));
  let server;
  let browser;
  try {
    await check(`code-server --install-extension ${path.basename(vsix)}`, async () => {
      const out = installExtension(runDir, vsix);
      if (!/successfully installed/i.test(out)) throw new Error(out.trim());
      const installed = fs.readdirSync(path.join(runDir, 'extensions')).filter((d) => d.startsWith(`${pkg.publisher}.${pkg.name}-`));
      if (installed.length !== 1) throw new Error(`extensions folder holds [${installed.join(', ')}]`);
    });
    server = await startCodeServer(runDir);
    browser = await launchBrowser(runDir, { deviceScaleFactor: 2 });
    page = browser.page;
    await page.goto(`${server.base}/?folder=${encodeURIComponent(ws)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60000 });
    lap('workbench loaded');

    const jobs = path.join(ws, 'Conf', 'AD', 'AD Jobs.xml');
    await check('Ctrl+Space in a ParentTask value lists task ids from another file', async () => {
      await openFile(page, 'Conf/AD/AD Jobs.xml');
      const inExplorer = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'AD Jobs.xml' });
      await inExplorer.waitFor({ timeout: 5000 }).catch(() => runCommand(page, 'File: Reveal Active File in Explorer View'));
      await inExplorer.waitFor({ timeout: 5000 });
      await walkthroughImage(page, 'open-folder', [page.locator('.explorer-folders-view'), page.locator('.editor-instance .view-line > span', { hasText: '<Job ' })]);
      const value = 'AD_Prepare_Complete';
      await goTo(page, lineCol(jobs, `ParentTask="${value}"`, 'ParentTask="'.length));
      // Replace the value by the start of a shared task's id, as a user would type it.
      for (let i = 0; i < value.length; i++) await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.type('All_');
      try {
        const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'All_CorrelationKeys' });
        await retryUntilVisible(page, ['Control+Space'], row);
        const rows = await page.locator('.suggest-widget .monaco-list-row').allInnerTexts();
        lap(`suggest rows: ${JSON.stringify(rows.map((r) => r.replace(/\s+/g, ' ')))}`);
        if (!rows.some((r) => r.includes('All_ComputeAllProperties'))) throw new Error('All_ComputeAllProperties not listed');
        // The row says where the task is defined: another file than the one being edited.
        if (!rows.some((r) => r.includes('All_CorrelationKeys') && r.includes('Shared Tasks.xml'))) throw new Error('the row does not name Shared Tasks.xml');
        await screenshot(page, 'completion');
        // Ctrl+Space again opens the details of the selected item: its name, file and job. Pressed
        // again while no details show: a key that comes while the list is drawn again can be lost
        // (it was, once, in a CI run), and a press while they show would close them.
        const details = page.locator('.suggest-details', { hasText: 'Shared Tasks.xml' });
        for (let tries = 1; ; tries++) {
          if (!(await page.locator('.suggest-details').first().isVisible())) await page.keyboard.press('Control+Space');
          try {
            await details.first().waitFor({ timeout: 2000 });
            if (tries > 1) lap(`the details showed after ${tries} tries`);
            break;
          } catch (e) {
            if (tries === 5) throw e;
          }
        }
      } finally {
        // Back to the file as on disk, for the next checks and screenshots, after a failure too: a
        // file left changed makes VS Code ask whether to save it when a later check closes it, and
        // that question stops every check after it.
        await page.keyboard.press('Escape');
        await page.locator('.tabs-container .tab.active.dirty').waitFor({ timeout: 10000 });
        await runCommand(page, 'File: Revert File');
        await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10000 });
      }
    });

    const broken = path.join(ws, 'Conf', 'Broken', 'Broken Job.xml');
    await check('the hover on an unknown ParentTask shows the diagnostic and its rule id', async () => {
      await openFile(page, 'Conf/Broken/Broken Job.xml');
      await goTo(page, lineCol(broken, 'ParentTask="AD_Export_Complet"', 'ParentTask="AD_Ex'.length));
      const hover = page.locator('.monaco-hover', { hasText: 'dependency/parent-exists' });
      await retryUntilVisible(page, ['Control+K', 'Control+I'], hover);
      await screenshot(page, 'diagnostic');
      await page.keyboard.press('Escape');
    });

    await check("the rule id in the hover opens the rule's page shipped in the extension, at its heading, with no network", async () => {
      const at = lineCol(broken, 'ParentTask="AD_Export_Complet"', 'ParentTask="AD_Ex'.length);
      const link = page.locator('.monaco-hover a.code-link', { hasText: 'dependency/parent-exists' });
      await retryUntilVisible(page, ['Control+K', 'Control+I'], link);
      // Every request the page makes from now on, and any window it opens, must stay on this machine.
      const away = [];
      const onRequest = (r) => /^https?:/.test(r.url()) && !r.url().startsWith(server.base) && away.push(r.url());
      const onPage = (p) => away.push(`new window ${p.url()}`);
      browser.context.on('request', onRequest);
      browser.context.on('page', onPage);
      try {
        await link.first().click();
        await page.locator('.tabs-container .tab.active', { hasText: /^\s*rules\.md/ }).waitFor({ timeout: 10000 });
        const heading = page.locator('.editor-instance .view-line', { hasText: '### `dependency/parent-exists`' });
        await heading.waitFor({ timeout: 10000 });
        await page.locator('.editor-instance .view-line', { hasText: 'Default severity: **error**. Quick fix: suggestion.' }).first().waitFor({ timeout: 5000 });
        // The heading comes to the top of the editor (under the few lines sticky scroll keeps there).
        const guard = page.locator('.editor-instance .monaco-editor .overflow-guard').first();
        let y;
        for (const deadline = Date.now() + 5000; Date.now() < deadline; await page.waitForTimeout(100)) {
          y = (await heading.first().boundingBox()).y - (await guard.boundingBox()).y;
          if (y >= 0 && y <= 160) break;
        }
        if (y < 0 || y > 160) throw new Error(`the heading stays ${Math.round(y)} px below the top of the editor`);
        await screenshot(page, 'rule-page');
        await page.waitForTimeout(500); // a late request would show up here
      } finally {
        browser.context.off('request', onRequest);
        browser.context.off('page', onPage);
      }
      if (away.length) throw new Error(`requests left the machine: ${away.join(', ')}`);
      await page.locator('.tabs-container .tab.active .tab-actions .action-label').first().click();
      await page.locator('.tabs-container .tab.active', { hasText: /^\s*Broken Job\.xml/ }).waitFor({ timeout: 10000 });
      await goTo(page, at);
    });

    await check('Ctrl+. on the unknown ParentTask offers the existing task, and applying it fixes the line', async () => {
      const widget = page.locator('.action-widget');
      const fix = widget.locator('.monaco-list-row', { hasText: 'AD_Export_Complete' });
      // Pressed again while nothing shows: on a busy machine the editor may get the key before it
      // is focused again after the rule page closed, or before the code actions are computed
      // (a single press with a 5 s wait failed once in a CI run).
      await retryUntilVisible(page, ['Control+.'], fix);
      await screenshot(page, 'quick-fix');
      const token = (name) => page.locator('.editor-instance .view-line span', { hasText: new RegExp(`^${name}$`) });
      await walkthroughImage(page, 'fix-reference', [widget, token('TaskDependsOnTask'), token('PrepareSynchronizationTask')]);
      await fix.first().click();
      await page.locator('.editor-instance .view-line', { hasText: 'ParentTask="AD_Export_Complete"' }).waitFor({ timeout: 10000 });
    });

    await check('the Outline view lists the job and its tasks', async () => {
      // VS Code adds the outline of text editors among the parts it creates last, one each time the
      // page is idle (or every 3 s when it never is): on a busy machine that can be after this check
      // starts, and the Outline says "The active editor cannot provide outline information" until then.
      // Polled every 500 ms, not on every frame: a page kept busy is what makes it late.
      const started = await page
        .waitForFunction(() => performance.getEntriesByName('code/didCreateWorkbenchContributions/4')[0]?.startTime, null, { polling: 500, timeout: 120000 })
        .catch((e) => {
          throw new Error(`the workbench did not mark the end of its start (code/didCreateWorkbenchContributions/4): ${e.message}`);
        });
      lap(`the workbench finished starting ${((await started.jsonValue()) / 1000).toFixed(1)} s after its page was opened`);
      await openFile(page, 'Conf/AD/AD Jobs.xml');
      await runCommand(page, 'Explorer: Focus on Outline View');
      // Fold the file tree so that the outline gets the height of the side bar.
      await page.locator('.pane-header', { hasText: 'workspace' }).first().click();
      const outline = page.locator('.outline-pane');
      await outline
        .locator('.monaco-list-row', { hasText: 'Job_AD_Complete' })
        .waitFor({ timeout: 20000 })
        .catch(async (e) => {
          throw new Error(`the Outline says ${JSON.stringify(await outline.innerText())}: ${e.message}`);
        });
      await outline.locator('.monaco-list-row', { hasText: 'AD_Export_Complete' }).waitFor({ timeout: 10000 });
      await screenshot(page, 'outline');
    });

    await check('the uc-job-complete snippet writes a whole complete-sync job for the connector typed once', async () => {
      const file = path.join(ws, 'Conf', 'Directory', 'Directory Connector.xml');
      await openFile(page, 'Conf/Directory/Directory Connector.xml');
      await goTo(page, lineCol(file, '</ConfigurationFile>', 0));
      await page.keyboard.press('Enter');
      await page.keyboard.press('ArrowUp');
      await page.keyboard.type('  uc-job-complete');
      // Our snippet, not Emmet's abbreviation of the same text.
      const row = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Job (complete synchronization)' });
      await retryUntilVisible(page, ['Control+Space'], row);
      lap(`suggest rows: ${JSON.stringify((await page.locator('.suggest-widget .monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ')))}`);
      await row.first().click();
      // The first placeholder is the connector, repeated in every identifier.
      await page.keyboard.type('Directory');
      const first = page.locator('.editor-instance .view-line', { hasText: '<Job Identifier="Job_Directory_Complete"' });
      await first.waitFor({ timeout: 10000 });
      await page.locator('.editor-instance .view-line', { hasText: 'Identifier="Directory_Export_Complete"' }).waitFor({ timeout: 5000 });
      await page.keyboard.press('Escape');
      await walkthroughImage(page, 'complete-job', [first.locator('> span'), page.locator('.editor-instance .view-line > span', { hasText: 'Directory_Fulfill' })]);
      await runCommand(page, 'File: Revert File');
      await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10000 });
    });

    await check('usercube-jobs check, run in a terminal on the folder, lists the problems, names the rules page and exits 1', async () => {
      // The package as a pipeline installs it (npm install usercube-jobs): the bundled command and the rules page.
      const pkgDir = path.join(ws, 'node_modules', 'usercube-jobs');
      for (const f of ['package.json', 'bin/usercube-jobs.js', 'dist/cli.js', 'docs/rules.md']) {
        fs.mkdirSync(path.dirname(path.join(pkgDir, f)), { recursive: true });
        fs.copyFileSync(path.join(tools.repo, f), path.join(pkgDir, f));
      }
      fs.mkdirSync(path.join(ws, 'node_modules', '.bin'), { recursive: true });
      fs.symlinkSync('../usercube-jobs/bin/usercube-jobs.js', path.join(ws, 'node_modules', '.bin', 'usercube-jobs'));
      // Beside the editor, so that its lines wrap at a width the walkthrough shows legibly.
      await runCommand(page, 'Terminal: Create New Terminal in Editor Area to the Side');
      const terminal = page.locator('.editor-group-container.active .terminal-wrapper');
      await terminal.locator('.xterm-rows').waitFor({ timeout: 20000 });
      await terminal.locator('.xterm-helper-textarea').focus();
      await page.keyboard.type('export PATH="$PWD/node_modules/.bin:$PATH" PS1="$ "; clear\n');
      await page.keyboard.type('usercube-jobs check Conf; echo "exit code $?"\n');
      const rows = terminal.locator('.xterm-rows', { hasText: 'exit code 1' });
      await rows.waitFor({ timeout: 30000 });
      // Wrapped lines are separate rows: join them to read the output.
      const text = (await rows.locator('> div').allInnerTexts()).join('').replace(/\u00a0/g, ' ');
      for (const want of ['Conf/Broken/Broken Job.xml:7:', 'error dependency/parent-exists', 'Each rule is explained under its id in node_modules/usercube-jobs/docs/rules.md.']) {
        if (!text.includes(want)) throw new Error(`the terminal does not show '${want}':\n${text.trim()}`);
      }
      await walkthroughImage(page, 'check-ci', [terminal.locator('.xterm-screen')]);
      await runCommand(page, 'Terminal: Kill All Terminals');
    });

    await check('the walkthrough lists its steps, each with its button; the CI step opens the page on CI pipelines', async () => {
      const walkthrough = pkg.contributes.walkthroughs[0];
      await runCommand(page, 'Welcome: Open Walkthrough...');
      const input = page.locator('.quick-input-widget input');
      await input.fill(walkthrough.title);
      await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: walkthrough.title }).waitFor({ timeout: 10000 });
      await page.keyboard.press('Enter');
      const container = page.locator('.gettingStartedContainer');
      await container.locator('h2.category-title', { hasText: walkthrough.title }).waitFor({ timeout: 10000 });
      for (const step of walkthrough.steps) {
        const button = /\[([^\]]+)\]\(command:/.exec(step.description);
        if (!button) throw new Error(`step '${step.title}' has no command button`);
        await container.locator('.getting-started-step h3', { hasText: step.title }).click();
        const shown = container.locator('.getting-started-step.expanded', { hasText: step.title });
        await shown.locator('.button-container .monaco-button', { hasText: button[1] }).waitFor({ timeout: 5000 });
        // The step's image, loaded from the installed extension.
        const image = container.locator(`.getting-started-media img[srcset*="${path.basename(step.media.image)}"]`);
        await image.waitFor({ timeout: 5000 });
        await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle(), { timeout: 5000 });
      }
      // The walkthrough as a first-time user sees it: first step open, the side bar out of the way.
      await container.locator('.getting-started-step h3', { hasText: walkthrough.steps[0].title }).click();
      await page.keyboard.press('Control+B');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: 5000 });
      await screenshot(page, 'walkthrough');
      await page.keyboard.press('Control+B');
      const ci = walkthrough.steps.find((step) => step.id === 'checkInCi');
      await container.locator('.getting-started-step h3', { hasText: ci.title }).click();
      await container.locator('.getting-started-step.expanded .button-container .monaco-button', { hasText: 'Read How to Check in CI' }).click();
      await page.locator('.tabs-container .tab.active', { hasText: /^\s*ci\.md/i }).waitFor({ timeout: 10000 });
      await page.locator('.editor-instance .view-line', { hasText: '# The checks in CI' }).waitFor({ timeout: 10000 });
    });

    await check('the code lens "<N> tasks · <M> levels" shows the job in the Usercube Jobs view', async () => {
      await openFile(page, 'Conf/AD/AD Jobs.xml');
      const lens = page.locator('.contentWidgets .codelens-decoration a', { hasText: /^\d+ tasks · \d+ levels$/ });
      await lens.first().waitFor({ timeout: 30000 });
      // Fold the Outline opened above, so that the Jobs view gets the side bar's height.
      const outlineHeader = page.locator('.pane-header[aria-expanded="true"]', { hasText: 'Outline' });
      if (await outlineHeader.count()) await outlineHeader.first().click();
      await lens.first().click();
      const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Usercube Jobs' }) });
      await view.locator('.monaco-list-row.selected', { hasText: 'Job_AD_Complete' }).waitFor({ timeout: 20000 });
      await view.locator('.monaco-list-row', { hasText: 'Level 1' }).first().waitFor({ timeout: 10000 });
      await view.locator('.monaco-list-row', { hasText: 'AD_Prepare_Complete' }).waitFor({ timeout: 10000 });
      // The task rows carry their file as description and an icon of their kind.
      await view.locator('.monaco-list-row', { hasText: 'AD_Prepare_Complete' }).locator('.codicon-filter').waitFor({ timeout: 5000 });
      await screenshot(page, 'jobs-view');
      await walkthroughImage(page, 'job-steps', [view, lens.first()]);
    });

    await check('"Show Job Graph" draws the job as columns of levels, and a click on a box opens the task', async () => {
      // The graph alone, for the picture: no editor left open (the quick fix above left Broken Job.xml modified), no side bar.
      await openFile(page, 'Conf/Broken/Broken Job.xml');
      await runCommand(page, 'File: Revert File');
      await runCommand(page, 'View: Close All Editors');
      await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
      await runCommand(page, 'Usercube Jobs: Show Job Graph');
      const input = page.locator('.quick-input-widget input[placeholder="Which job to draw?"]');
      await input.waitFor({ timeout: 10000 });
      await input.fill('Job_AD_Scaffolded');
      await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'Job_AD_Scaffolded' }).waitFor({ timeout: 10000 });
      await page.keyboard.press('Enter');
      // The webview's page sits two frames deep.
      const graph = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
      await graph.locator('#graph svg g.box').first().waitFor({ timeout: 30000 });
      const boxes = await graph.locator('#graph svg g.box').count();
      const dashed = await graph.locator('#graph svg g.box.generated').count();
      const columns = await graph.locator('#graph svg text.column-title').allTextContents();
      lap(`graph: ${boxes} boxes (${dashed} generated), columns ${JSON.stringify(columns)}`);
      if (boxes < 10 || dashed !== boxes) throw new Error(`${boxes} boxes, ${dashed} dashed`);
      if (columns[0] !== 'Level 0' || columns[1] !== 'Level 1') throw new Error(`columns ${columns}`);
      await screenshot(page, 'job-graph');
      // A click opens the scaffolding that generates the task, beside the graph.
      await graph.locator('#graph svg g.box[data-task="Job_AD_Scaffolded_Export_AD_Complete_ADExport"]').click();
      await page.locator('.tabs-container .tab.active', { hasText: 'Scaffolded Jobs.xml' }).waitFor({ timeout: 10000 });
      await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
      const graphTab = page.locator('.tabs-container .tab', { hasText: 'Job graph' });
      await graphTab.hover();
      await graphTab.locator('.tab-actions .action-label').first().click();
      await graphTab.waitFor({ state: 'detached', timeout: 10000 });
    });

    await check('the "Run job" lens: the missing runtime folder opens its setting; then a secret prompt and a terminal without the secret', async () => {
      await openFile(page, 'Conf/AD/AD Jobs.xml');
      const run = page.locator('.contentWidgets .codelens-decoration a', { hasText: 'Run job' });
      await run.first().waitFor({ timeout: 30000 });
      await run.first().click();
      const toast = page.locator('.notification-toast', { hasText: 'usercubeJobs.runtime.path' });
      await toast.waitFor({ timeout: 10000 });
      await toast.locator('.monaco-button', { hasText: 'Open Setting' }).click();
      // The settings editor, on that setting: type the stand-in's folder as a user would.
      const setting = page.locator('.settings-editor .setting-item', { hasText: 'Runtime: Path' });
      await setting.waitFor({ timeout: 15000 });
      await setting.locator('input').first().fill(runtime);
      await page.keyboard.press('Tab');
      await waitForSettingsFile(path.join(runDir, 'user'), 'usercubeJobs.runtime.path');
      // VS Code 1.139 shows the settings over the editors: Escape closes them.
      await page.keyboard.press('Escape');
      await page
        .locator('.settings-editor')
        .first()
        .waitFor({ state: 'hidden', timeout: 5000 })
        .catch(async () => {
          await page.keyboard.press('Escape');
          await page.locator('.settings-editor').first().waitFor({ state: 'hidden', timeout: 5000 });
        });
      await openFile(page, 'Conf/AD/AD Jobs.xml');
      await run.first().waitFor({ timeout: 30000 });
      await run.first().click();
      const secret = page.locator('.quick-input-widget input[type="password"]');
      await secret.waitFor({ timeout: 10000 });
      await secret.fill(SECRET);
      await page.keyboard.press('Enter');
      const terminal = page.locator('.terminal-wrapper .xterm-rows');
      await terminal.filter({ hasText: '--api-secret' }).first().waitFor({ timeout: 20000 });
      const [call] = await waitForCalls(runtime, 1);
      const expected = ['-j', 'Job_AD_Complete', '--api-url', API_URL, '--api-client-id', 'Job', '--api-secret', SECRET];
      if (JSON.stringify(call.args) !== JSON.stringify(expected)) throw new Error(`the stand-in got ${JSON.stringify(call.args)}`);
      // Without white space: the terminal wraps long lines anywhere.
      const shown = (await terminal.first().innerText()).replace(/\s+/g, '');
      lap(`terminal: ${shown.slice(0, 200)}`);
      if (shown.includes(SECRET)) throw new Error('the terminal shows the secret');
      if (!shown.includes('--api-secret"$USERCUBE_API_SECRET"')) throw new Error('the terminal does not show the secret variable');
      await screenshot(page, 'run-job');
      // Asked once: a second run goes straight to the terminal.
      await openFile(page, 'Conf/AD/AD Jobs.xml');
      await run.first().click();
      await waitForCalls(runtime, 2);
    });

    await check('the status item shows the totals of the index and opens the output', async () => {
      await openFile(page, 'Conf/Broken/Broken Job.xml');
      await page.locator('[id="status.languageStatus"]').hover();
      const hover = page.locator('.monaco-hover', { hasText: /Usercube: [\d,]+ files · [\d,]+ jobs · \d+ errors/ });
      await hover.waitFor({ timeout: 15000 });
      await screenshot(page, 'status');
      await hover.locator('a', { hasText: 'Show output' }).first().click();
      // \s: the editor draws spaces as no-break spaces.
      await page
        .locator('.part.panel .monaco-editor .view-line', { hasText: /Indexed\s\d+\sXML\sfiles/ })
        .first()
        .waitFor({ timeout: 10000 });
    });
  } catch (e) {
    failed++;
    lap(`FAIL ${e.message.split('\n')[0]}`);
    if (browser) await screenshot(browser.page, 'ui-error', { dir: null }).catch(() => {});
  } finally {
    await browser?.context.close().catch(() => {});
    await server?.stop();
    if (failed && server) {
      fs.mkdirSync(tools.results, { recursive: true });
      fs.copyFileSync(server.log, path.join(tools.results, 'ui-code-server.log'));
    }
    removeRunDir(runDir);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main();
