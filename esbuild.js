// Bundles the client (vscode external), the server and the command line (fully bundled), and the
// job graph webview's script (with its layout library) and style sheet for the browser.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  // Maps are written by every build, so that the ones next to the bundles match them (profiles name
  // functions through them); a production bundle does not link its map, which is not shipped.
  sourcemap: production ? 'external' : true,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  // Started by the server for the cold index (server/src/node/parallelIndexer.ts), next to it.
  { entryPoints: ['server/src/node/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  // The webview loads nothing else: ELK is bundled in. dist/media is its only local resource root.
  { entryPoints: ['client/webview/jobGraph.ts'], outfile: 'dist/media/jobGraph.js', platform: 'browser', format: 'iife', target: 'es2020' },
  { entryPoints: ['client/webview/jobGraph.css'], outfile: 'dist/media/jobGraph.css', platform: 'browser', sourcemap: false },
];

async function main() {
  const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...common, ...b })));
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
