/**
 * `usercube-jobs check <folder|file>…`: the language service over folders, without an editor.
 * Prints `path:line:column: severity rule-id message` per diagnostic and a summary line.
 * Exit code: 0 clean, 1 when an error was found, 2 on bad usage or unreadable input.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LanguageService } from '../languageService';
import { listXmlFiles, readXmlFile } from '../node/workspaceFiles';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
}

export const USAGE = `Usage: usercube-jobs check <folder|file>...

Checks the Identity Manager (Usercube) XML configuration in each folder (all *.xml files
below it) or file, and prints one line per problem:
  path:line:column: severity rule-id message

Exit code: 0 no error, 1 errors found, 2 bad usage or unreadable input.`;

const SEVERITY_NAME: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command !== 'check') {
    io.err(command ? `usercube-jobs: unknown command '${command}'.` : 'usercube-jobs: missing command.');
    io.err(USAGE);
    return 2;
  }
  const unknown = rest.find((a) => a.startsWith('-'));
  if (unknown) {
    io.err(`usercube-jobs check: unknown option '${unknown}'.`);
    io.err(USAGE);
    return 2;
  }
  if (rest.length === 0) {
    io.err('usercube-jobs check: name at least one folder or file to check.');
    io.err(USAGE);
    return 2;
  }
  return check(rest, io);
}

async function check(targets: readonly string[], io: CliIo): Promise<number> {
  const files: string[] = [];
  let badInput = false;
  for (const t of targets) {
    const abs = path.resolve(io.cwd, t);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat) {
      io.err(`usercube-jobs check: '${t}' does not exist.`);
      badInput = true;
    } else if (stat.isDirectory()) files.push(...(await listXmlFiles(abs)));
    else files.push(abs);
  }
  if (badInput) return 2;

  const service = new LanguageService({ retainText: true });
  const uris: [string, string][] = [];
  for (const file of [...new Set(files)]) {
    const uri = pathToFileURL(file).toString();
    const read = await readXmlFile(file);
    if (!read.ok) {
      io.err(`${display(io, file)}: ${read.message}`);
      badInput = true;
      continue;
    }
    service.setFileText(uri, read.text, read.encoding);
    uris.push([uri, file]);
  }

  const counts = { error: 0, warning: 0, info: 0 };
  let configurationFiles = 0;
  for (const [uri, file] of uris) {
    if (!service.isConfigurationFile(uri)) continue;
    configurationFiles++;
    const diagnostics = service.validate(uri).sort(byPosition);
    for (const d of diagnostics) {
      const severity = SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Error];
      if (severity in counts) counts[severity as keyof typeof counts]++;
      io.out(`${display(io, file)}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severity} ${d.code} ${d.message}`);
    }
  }
  io.out(
    `${uris.length} XML files, ${configurationFiles} configuration files: ` +
      `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}.`,
  );
  if (badInput) return 2;
  return counts.error > 0 ? 1 : 0;
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}

function display(io: CliIo, file: string): string {
  const rel = path.relative(io.cwd, file);
  return (rel.startsWith('..') ? file : rel).split(path.sep).join('/');
}
