/** The files named on the command line: folders expanded to their *.xml files, then read and decoded. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DecodedText } from '../model/textDecoding';
import { forEachLimited, listXmlFiles, readXmlFile } from '../node/workspaceFiles';
import { Progress, ProgressWriter } from './progress';

export interface InputFile {
  file: string;
  /** The folder argument the file was found under: where the search for settings stops. */
  stop?: string;
}

export interface ResolvedTargets {
  files: InputFile[];
  /** Messages for the arguments that name nothing. */
  missing: string[];
  /** Messages for the folders without any .xml file (worth a word, not an error). */
  empty: string[];
  /** The arguments that name folders, absolute: where the agent's settings files are looked for. */
  folders: string[];
}

export async function resolveTargets(targets: readonly string[], cwd: string): Promise<ResolvedTargets> {
  const files: InputFile[] = [];
  const missing: string[] = [];
  const empty: string[] = [];
  const folders: string[] = [];
  const seen = new Set<string>();
  for (const t of targets) {
    const abs = path.resolve(cwd, t);
    const stat = await fs.stat(abs).catch(() => undefined);
    let found: InputFile[];
    if (!stat) {
      missing.push(`'${t}' does not exist.`);
      continue;
    } else if (stat.isDirectory()) {
      folders.push(abs);
      found = (await listXmlFiles(abs)).map((file) => ({ file, stop: abs }));
      if (found.length === 0) empty.push(`'${t}' holds no .xml file.`);
    } else found = [{ file: abs }];
    for (const f of found) {
      if (seen.has(f.file)) continue;
      seen.add(f.file);
      files.push(f);
    }
  }
  return { files, missing, empty, folders };
}

export type ReadFile = InputFile & (({ ok: true } & DecodedText) | { ok: false; message: string });

/** Reads every file (a few at a time), in the order given. */
export async function readInputFiles(files: readonly InputFile[], progress: ProgressWriter | undefined): Promise<ReadFile[]> {
  const out: ReadFile[] = new Array<ReadFile>(files.length);
  const bar = new Progress(progress, 'Reading', files.length);
  let done = 0;
  await forEachLimited(files, 8, async (input, i) => {
    const read = await readXmlFile(input.file);
    out[i] = read.ok ? { ...input, ...read } : { ...input, ok: false, message: read.message };
    bar.update(++done);
  });
  bar.end();
  return out;
}
