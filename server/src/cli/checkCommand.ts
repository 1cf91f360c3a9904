/**
 * `usercube-jobs check <folder|file>…`: the language service over folders, without an editor.
 * Arguments → files → severities → (fixes) → diagnostics → one output format.
 * Exit code: 0 clean, 1 errors (or more warnings than --max-warnings), 2 bad usage, unreadable
 * input or invalid settings. Messages go to stderr; stdout holds only the chosen format.
 */
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../languageService';
import { RuleSettings } from '../rules/validation';
import { CheckOptions, parseArguments } from './arguments';
import { fixFiles } from './fixer';
import { readInputFiles, resolveTargets } from './inputFiles';
import { Progress, ProgressWriter } from './progress';
import { CheckedFile, CheckReport, InputProblem, byPosition, displayPath, summarize, toCliDiagnostic } from './report';
import { RuleSettingsResolver } from '../node/projectSettings';
import { reportWriter } from './outputFormats';
import { writeReport } from './reportWriter';
import { shippedRulesDoc } from '../node/installedPackage';
import { decodingWarning } from '../node/workspaceFiles';
import { toolInfo } from './toolInfo';
import { USAGE } from './usage';
import { steps } from './stepsCommand';


export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  cwd: string;
  /** Rewrites the progress line ('' clears it); main.ts gives one only when stderr is a terminal. */
  progress?: ProgressWriter;
}

const CHECK = 'usercube-jobs check';

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArguments(argv);
  switch (parsed.kind) {
    case 'help':
      io.out(USAGE);
      return 0;
    case 'version':
      io.out(toolInfo().version);
      return 0;
    case 'error':
      io.err(parsed.message);
      if (parsed.usage) io.err(USAGE);
      return 2;
    case 'check':
      return check(parsed.options, io);
    case 'steps':
      return steps(parsed.options, io);
  }
}

async function check(options: CheckOptions, io: CliIo): Promise<number> {
  const shown = (file: string) => displayPath(io.cwd, file);
  const { files, missing, empty } = await resolveTargets(options.targets, io.cwd);
  if (missing.length > 0) {
    for (const m of missing) io.err(`${CHECK}: ${m}`);
    return 2;
  }
  for (const m of empty) io.err(`${CHECK}: ${m}`);

  // Severities first: an invalid settings file stops the run before any output.
  const resolver = new RuleSettingsResolver(options.rules, shown);
  const settings = new Map<string, RuleSettings>();
  for (const f of files) settings.set(pathToFileURL(f.file).toString(), resolver.forFile(f.file, f.stop));
  const settingsProblems = resolver.problems();
  if (settingsProblems.length > 0) {
    for (const p of settingsProblems) io.err(`${CHECK}: ${p}`);
    return 2;
  }

  const service = new LanguageService({ retainText: true, rulesDocUrl: shippedRulesDoc()?.url });
  service.setRuleSettingsProvider((uri) => settings.get(uri) ?? options.rules);
  const unreadable: InputProblem[] = [];
  const loaded = [];
  for (const r of await readInputFiles(files, io.progress)) {
    if (!r.ok) {
      io.err(`${shown(r.file)}: ${r.message}`);
      unreadable.push({ path: shown(r.file), message: r.message });
      continue;
    }
    const warning = decodingWarning(r);
    if (warning) io.err(`${shown(r.file)}: ${warning}`);
    const uri = pathToFileURL(r.file).toString();
    service.setFileText(uri, r.text, r.encoding);
    loaded.push({ ...r, uri });
  }

  const fixed = options.fix
    ? await fixFiles(service, loaded, io.progress, (file, message) => io.err(`${shown(file)}: ${message}`), options.fixTypes)
    : { fixes: new Map<string, number>(), writeFailed: false };

  const checked: CheckedFile[] = [];
  const bar = new Progress(io.progress, 'Checking', loaded.length);
  for (const [i, f] of loaded.entries()) {
    const configuration = service.isConfigurationFile(f.uri);
    // A file not read as configuration may still be one that should be (file/root, file/namespace).
    const diagnostics = service.validate(f.uri).map(toCliDiagnostic).sort(byPosition);
    checked.push({ path: shown(f.file), file: f.file, configuration, diagnostics, fixesApplied: fixed.fixes.get(f.uri) ?? 0 });
    // A file named on its own that is not checked deserves a word; in a folder it is normal.
    if (!configuration && diagnostics.length === 0 && f.stop === undefined) {
      io.err(`${shown(f.file)}: ${f.text.trim() === '' ? 'empty file' : 'not a Usercube configuration file (its root is not <ConfigurationFile>)'}; nothing to check.`);
    }
    bar.update(i + 1);
  }
  bar.end();

  const report: CheckReport = { cwd: io.cwd, fix: options.fix, files: checked, unreadable, summary: summarize(checked, unreadable.length) };
  writeReport(reportWriter(options.format, { cwd: io.cwd, fix: options.fix }), report).forEach((l) => io.out(l));

  const { errors, warnings } = report.summary;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) io.err(`${CHECK}: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, more than --max-warnings ${options.maxWarnings}.`);
  if (unreadable.length > 0 || fixed.writeFailed) return 2;
  return errors > 0 || tooManyWarnings ? 1 : 0;
}
