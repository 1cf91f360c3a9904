/**
 * The command lines of the Usercube executables (the Invoke Job and Deploy Configuration pages),
 * written for the shell of the terminal that runs them. The API secret never appears in the
 * line: it is a reference to an environment variable of that terminal, which the shell expands
 * when it starts the program. No vscode import: unit-tested directly.
 */
import * as path from 'node:path';

/** The environment variable that carries the API secret into the terminal. */
export const SECRET_ENV = 'USERCUBE_API_SECRET';

export type ShellKind = 'posix' | 'pwsh' | 'cmd';

/** A value: literal text, or the value of an environment variable of the terminal. */
export type Value = string | { env: string };
/** A flag (`-j`, `--simulate-only`) and its value, if it takes one. */
export type Option = readonly [flag: string, value?: Value];

/** The kind of shell behind `shellPath` (VS Code's `env.shell`); an empty path means the platform's usual shell. */
export function shellKindOf(shellPath: string, platform: NodeJS.Platform): ShellKind {
  const name = path.basename(shellPath.replace(/\\/g, '/')).toLowerCase();
  if (/^(pwsh|powershell)(\.exe)?$/.test(name)) return 'pwsh';
  if (/^cmd(\.exe)?$/.test(name)) return 'cmd';
  if (!name) return platform === 'win32' ? 'pwsh' : 'posix';
  return 'posix';
}

/** `Usercube-Invoke-Job.exe` on Windows, `Usercube-Invoke-Job` elsewhere. */
export function executableName(base: string, platform: NodeJS.Platform): string {
  return platform === 'win32' ? `${base}.exe` : base;
}

function quote(shell: ShellKind, word: string): string {
  switch (shell) {
    case 'posix':
      return `'${word.replace(/'/g, `'\\''`)}'`;
    case 'pwsh':
      return `'${word.replace(/'/g, "''")}'`;
    case 'cmd':
      return `"${word.replace(/"/g, '""')}"`;
  }
}

function envReference(shell: ShellKind, name: string): string {
  switch (shell) {
    case 'posix':
      return `"$${name}"`;
    case 'pwsh':
      return `$env:${name}`;
    case 'cmd':
      return `"%${name}%"`;
  }
}

function valueWord(shell: ShellKind, value: Value): string {
  return typeof value === 'string' ? quote(shell, value) : envReference(shell, value.env);
}

/**
 * One line to type into the terminal: the program (PowerShell needs `&` before a quoted path),
 * then each flag as written and each value quoted.
 */
export function commandLine(shell: ShellKind, program: string, options: readonly Option[]): string {
  const words = [shell === 'pwsh' ? `& ${quote(shell, program)}` : quote(shell, program)];
  for (const [flag, value] of options) words.push(value === undefined ? flag : `${flag} ${valueWord(shell, value)}`);
  return words.join(' ');
}

export interface InvokeJobOptions {
  job: string;
  /** Only this task of the job (`-t`). */
  task?: string;
  apiUrl: string;
  clientId: string;
}

/** `Usercube-Invoke-Job -j <job> [-t <task>] --api-url <url> --api-client-id <id> --api-secret <$secret>`. */
export function invokeJobOptions(o: InvokeJobOptions): Option[] {
  return [['-j', o.job], ...(o.task ? [['-t', o.task] as const] : []), ['--api-url', o.apiUrl], ['--api-client-id', o.clientId], ['--api-secret', { env: SECRET_ENV }]];
}

/** `Usercube-Deploy-Configuration -d <Conf folder> --simulate-only --api-url <url>`. */
export function deployOptions(confFolder: string, apiUrl: string): Option[] {
  return [['-d', confFolder], ['--simulate-only'], ['--api-url', apiUrl]];
}
