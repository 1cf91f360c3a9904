// Stand-ins for the Usercube executables, which are not available here: a runtime folder whose
// Usercube-Invoke-Job and Usercube-Deploy-Configuration append what they received (their name,
// working folder, one line per argument, the USERCUBE_API_SECRET variable) to calls.log.
// POSIX shell scripts: Linux and macOS only.
const fs = require('node:fs');
const path = require('node:path');

const SCRIPT =
  '#!/bin/sh\n' +
  '{ echo "exe=$(basename "$0")"; echo "cwd=$(pwd)"; for a in "$@"; do echo "arg=$a"; done; echo "env=${USERCUBE_API_SECRET:-}"; echo end; } >> "$(dirname "$0")/calls.log"\n';

/** Makes `<parent>/runtime` with both stand-ins; returns its path. */
function standInRuntime(parent) {
  const dir = path.join(parent, 'runtime');
  fs.mkdirSync(dir, { recursive: true });
  for (const name of ['Usercube-Invoke-Job', 'Usercube-Deploy-Configuration']) fs.writeFileSync(path.join(dir, name), SCRIPT, { mode: 0o755 });
  return dir;
}

/**
 * The calls recorded so far: [{exe, cwd, args, env}]. Only complete ones: a stand-in may be
 * half-way through its lines when this reads the log.
 */
function calls(dir) {
  const file = path.join(dir, 'calls.log');
  if (!fs.existsSync(file)) return [];
  const found = [];
  let lines = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line !== 'end') {
      lines.push(line);
      continue;
    }
    const value = (k) => lines.find((l) => l.startsWith(`${k}=`))?.slice(k.length + 1);
    found.push({ exe: value('exe'), cwd: value('cwd'), env: value('env'), args: lines.filter((l) => l.startsWith('arg=')).map((l) => l.slice(4)) });
    lines = [];
  }
  return found;
}

module.exports = { standInRuntime, calls };
