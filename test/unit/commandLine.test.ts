/**
 * The command lines "Run job" and "Deploy configuration" type into a terminal
 * (client/src/commandLine.ts): flags as the Invoke Job and Deploy Configuration pages name them,
 * values quoted for the shell, and the API secret as a reference to the terminal's environment,
 * never as text. The POSIX line is run by /bin/sh against a stand-in executable.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir } from '../helpers/cli';
import { SECRET_ENV, commandLine, deployOptions, executableName, invokeJobOptions, shellKindOf } from '../../client/src/commandLine';

const SECRET = 's3cr\'et "$HOME" %PATH%';

describe('run command lines', () => {
  it('names the executables as on each platform', () => {
    assert.equal(executableName('Usercube-Invoke-Job', 'win32'), 'Usercube-Invoke-Job.exe');
    assert.equal(executableName('Usercube-Invoke-Job', 'linux'), 'Usercube-Invoke-Job');
    assert.equal(executableName('Usercube-Deploy-Configuration', 'darwin'), 'Usercube-Deploy-Configuration');
  });

  it('tells the shell from its path', () => {
    assert.equal(shellKindOf('/bin/bash', 'linux'), 'posix');
    assert.equal(shellKindOf('/usr/bin/zsh', 'darwin'), 'posix');
    assert.equal(shellKindOf('C:\\Program Files\\PowerShell\\7\\pwsh.exe', 'win32'), 'pwsh');
    assert.equal(shellKindOf('C:\\WINDOWS\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', 'win32'), 'pwsh');
    assert.equal(shellKindOf('C:\\WINDOWS\\System32\\cmd.exe', 'win32'), 'cmd');
    assert.equal(shellKindOf('', 'win32'), 'pwsh');
    assert.equal(shellKindOf('', 'linux'), 'posix');
  });

  const run = invokeJobOptions({ job: 'Job_AD_Complete', task: "AD's export", apiUrl: 'http://localhost:5000', clientId: 'Job' });

  it('writes Usercube-Invoke-Job with -j, -t, --api-url, --api-client-id, and the secret as a variable', () => {
    assert.equal(
      commandLine('posix', '/opt/Usercube Runtime/Usercube-Invoke-Job', run),
      `'/opt/Usercube Runtime/Usercube-Invoke-Job' -j 'Job_AD_Complete' -t 'AD'\\''s export' --api-url 'http://localhost:5000' --api-client-id 'Job' --api-secret "$${SECRET_ENV}"`,
    );
    assert.equal(
      commandLine('pwsh', 'C:\\Usercube\\Runtime\\Usercube-Invoke-Job.exe', run),
      `& 'C:\\Usercube\\Runtime\\Usercube-Invoke-Job.exe' -j 'Job_AD_Complete' -t 'AD''s export' --api-url 'http://localhost:5000' --api-client-id 'Job' --api-secret $env:${SECRET_ENV}`,
    );
    assert.equal(
      commandLine('cmd', 'C:\\Usercube\\Runtime\\Usercube-Invoke-Job.exe', invokeJobOptions({ job: 'J "1"', apiUrl: 'http://h', clientId: 'Job' })),
      `"C:\\Usercube\\Runtime\\Usercube-Invoke-Job.exe" -j "J ""1""" --api-url "http://h" --api-client-id "Job" --api-secret "%${SECRET_ENV}%"`,
    );
  });

  it('writes Usercube-Deploy-Configuration with -d, --simulate-only and --api-url', () => {
    assert.equal(
      commandLine('posix', '/rt/Usercube-Deploy-Configuration', deployOptions('/work/My Conf/Conf', 'http://localhost:5000')),
      `'/rt/Usercube-Deploy-Configuration' -d '/work/My Conf/Conf' --simulate-only --api-url 'http://localhost:5000'`,
    );
  });

  it('gives a POSIX shell the exact arguments, the secret from the environment only', { skip: process.platform === 'win32' && 'needs /bin/sh' }, () => {
    const dir = tempDir('usercube-run-');
    const exe = path.join(dir, "it's a runtime", 'Usercube-Invoke-Job');
    const calls = path.join(dir, 'calls.txt');
    mkdirSync(path.dirname(exe), { recursive: true });
    // The stand-in: one argument per line.
    writeFileSync(exe, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > '${calls}'\n`);
    chmodSync(exe, 0o755);
    const line = commandLine('posix', exe, run);
    assert.ok(!line.includes('s3cr'), 'the secret is not in the line');
    execFileSync('/bin/sh', ['-c', line], { env: { ...process.env, [SECRET_ENV]: SECRET } });
    assert.deepEqual(readFileSync(calls, 'utf8').split('\n').slice(0, -1), [
      '-j',
      'Job_AD_Complete',
      '-t',
      "AD's export",
      '--api-url',
      'http://localhost:5000',
      '--api-client-id',
      'Job',
      '--api-secret',
      SECRET,
    ]);
  });
});
