/**
 * `usercube-jobs check <folder|file>…`: the language service over folders, without an editor.
 * Arguments → files → severities → (fixes) → diagnostics → one output format.
 * Exit code: 0 clean, 1 errors (or more warnings than --max-warnings), 2 bad usage, unreadable
 * input or invalid settings. Messages go to stderr; stdout holds only the chosen format.
 */
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../languageService';
import { RuleSettings } from '../rules/validation';
import type { LocalCheck } from '../rules/localCheck';
import { CheckOptions, parseArguments } from './arguments';
import { FixInput, fixFiles } from './fixer';
import { InputFile, readInputFiles, resolveTargets } from './inputFiles';
import { readAgentSettings } from '../node/agentSettings';
import { indexInputs, IndexedInput } from './indexInputs';
import type { IndexWorkers } from '../node/parallelIndexer';
import { Progress, ProgressWriter } from './progress';
import { CheckedFile, InputProblem, byPosition, countFile, displayPath, emptySummary, toCliDiagnostic } from './report';
import { RuleSettingsResolver } from '../node/projectSettings';
import { reportWriter } from './outputFormats';
import { shippedRulesDoc } from '../node/installedPackage';
import { decodingWarning } from '../node/workspaceFiles';
import { TextAgain, textsAgain } from './textsAgain';
import { toolInfo } from './toolInfo';
import { USAGE } from './usage';
import { steps } from './stepsCommand';

export interface CliIo {
  out(line: string): void;
  /**
   * Writes what `out` was given so far, and settles once the reader took it (main.ts: stdout,
   * whose reader may be a pipe slower than the check). Called after each file: its findings are
   * out before the next file is checked, and no more output than that waits in memory.
   */
  flush?(): Promise<void>;
  err(line: string): void;
  cwd: string;
  /** Rewrites the progress line ('' clears it); main.ts gives one only when stderr is a terminal. */
  progress?: ProgressWriter;
  /** Index worker threads (0: none; default: one per core, up to four). */
  workers?: number;
  /** The index workers' script (main.ts gives the command line bundle itself, which serves as one in a worker thread). */
  workerScript?: string;
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
  const { files, missing, empty, folders } = await resolveTargets(options.targets, io.cwd);
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

  // Without --fix, texts are not kept: the check reads each file again (one text at a time).
  const service = new LanguageService({ retainText: options.fix, rulesDocUrl: shippedRulesDoc()?.url });
  service.setRuleSettingsProvider((uri) => settings.get(uri) ?? options.rules);
  // Jobs.MaxTaskBatchSize from the agent's settings under the folders checked, as the editor reads
  // it; looked for while the files are indexed.
  const agentSettings = readAgentSettings(folders, shown);
  const unreadable: InputProblem[] = [];
  const warn = (file: string, message: string) => io.err(`${shown(file)}: ${message}`);
  let indexWorker: IndexWorkers | undefined;
  const inputs = options.fix
    ? await readAndIndex(service, files, io.progress, warn)
    : await indexInputs(service, files, {
        progress: io.progress,
        warn,
        workers: io.workers,
        workerScript: io.workerScript,
        workersFailed: (message) => io.err(`${CHECK}: ${message}`),
        handOver: (w) => (indexWorker = w),
      });
  service.setAgentSettings(await agentSettings);
  const loaded: (InputFile & { uri: string; local?: LocalCheck })[] = [];
  for (const r of inputs) {
    if (r.ok) loaded.push(r);
    else {
      warn(r.file, r.message);
      unreadable.push({ path: shown(r.file), message: r.message });
    }
  }

  const fixed = options.fix ? await fixFiles(service, loaded as FixInput[], io.progress, warn, options.fixTypes) : { fixes: new Map<string, number>(), writeFailed: false };

  // Each file's findings are written as soon as it is checked; only the counts are kept for the summary.
  const writer = reportWriter(options.format, { cwd: io.cwd, fix: options.fix });
  const write = (lines: string[]) => {
    for (const l of lines) io.out(l);
  };
  write(writer.start());
  const summary = emptySummary(unreadable.length);
  const bar = new Progress(io.progress, 'Checking', loaded.length);
  // --fix keeps the texts. Otherwise a file the index workers checked whole is not read again;
  // the others are read again (by a worker thread, for many files, which checks them locally).
  const again = options.fix ? [] : loaded.filter((f) => !f.local).map(({ file, uri }) => ({ file, uri, check: service.isConfigurationFile(uri) }));
  const texts = textsAgain(again, { workers: io.workers, workerScript: io.workerScript }, indexWorker);
  try {
    for (const [i, f] of loaded.entries()) {
      let text: string | undefined;
      let local = f.local;
      if (!local) {
        const kept = service.textOf(f.uri);
        const read: TextAgain = kept !== undefined ? { text: kept } : await texts.next(f.file);
        if (read.text === undefined) {
          warn(f.file, read.message);
          unreadable.push({ path: shown(f.file), message: read.message });
          summary.unreadable++;
          continue;
        }
        ({ text, local } = read);
      }
      // A file not read as configuration may still be one that should be (file/root, file/namespace).
      // What a worker checked in the text is not checked again (it holds only for the text it read).
      const diagnostics = service.validate(f.uri, { text, local }).map(toCliDiagnostic).sort(byPosition);
      // After the check: a file read again that changed since it was indexed is indexed again by it.
      const configuration = service.isConfigurationFile(f.uri);
      const checked: CheckedFile = { path: shown(f.file), file: f.file, configuration, diagnostics, fixesApplied: fixed.fixes.get(f.uri) ?? 0 };
      countFile(summary, checked);
      write(writer.file(checked));
      await io.flush?.();
      // A file named on its own that is not checked deserves a word; in a folder it is normal.
      if (!configuration && diagnostics.length === 0 && f.stop === undefined) {
        io.err(`${shown(f.file)}: ${text?.trim() === '' ? 'empty file' : 'not a Usercube configuration file (its root is not <ConfigurationFile>)'}; nothing to check.`);
      }
      bar.update(i + 1);
    }
  } finally {
    texts.close();
  }
  bar.end();
  write(writer.end({ unreadable, summary }));

  const { errors, warnings } = summary;
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) io.err(`${CHECK}: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, more than --max-warnings ${options.maxWarnings}.`);
  if (unreadable.length > 0 || fixed.writeFailed) return 2;
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

/** --fix: every file read and kept (the fixes edit the texts), then indexed. */
async function readAndIndex(
  service: LanguageService,
  files: readonly InputFile[],
  progress: ProgressWriter | undefined,
  warn: (file: string, message: string) => void,
): Promise<(IndexedInput & Partial<FixInput>)[]> {
  const out: (IndexedInput & Partial<FixInput>)[] = [];
  for (const r of await readInputFiles(files, progress)) {
    const uri = pathToFileURL(r.file).toString();
    if (!r.ok) {
      out.push({ ...r, uri });
      continue;
    }
    const warning = decodingWarning(r);
    if (warning) warn(r.file, warning);
    service.setFileText(uri, r.text, r.encoding);
    out.push({ ...r, uri });
  }
  return out;
}
