// Loaded by the extension host as extensionTestsPath (VS Code, or code-server's workbench):
// runs mocha over every *.test.js beside this file, in name order, inside the extension host.
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

exports.run = function run() {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 60000 });
  for (const f of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run(() => {
      const { passes, failures, pending } = runner.stats;
      // The launchers look for this line.
      console.log(`${passes} passed, ${failures} failed, ${pending} skipped`);
      failures ? reject(new Error(`${failures} test(s) failed`)) : resolve();
    });
  });
};
