#!/usr/bin/env node
const path = require('node:path');
const fs = require('node:fs');

const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  // A clone that was never built (npm ci does not build): say what to run instead of a stack trace.
  console.error(`usercube-jobs: ${path.relative(process.cwd(), cli) || cli} is missing; run "npm run build" first.`);
  process.exit(2);
}
require(cli);
