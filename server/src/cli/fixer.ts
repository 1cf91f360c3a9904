/**
 * --fix: applies the safe quick fixes of one file (and the preferred suggestions, with
 * --fix-type suggestion) and writes it back in its own encoding (through a temporary file renamed
 * over it: see node/replaceFile.ts).
 * Only the edited characters change: the text is re-encoded with the encoding and BOM it was
 * read with, and edits use the file's own line ending. Before writing, the bytes on disk must
 * re-encode exactly from the text that was checked, otherwise the file is left alone.
 */
import { promises as fs } from 'node:fs';
import { replaceFileContent } from '../node/replaceFile';
import { applyEdits } from '../fixes/textEdits';
import { LanguageService } from '../languageService';
import { DecodedEncoding } from '../model/textDecoding';
import { encodeText } from '../model/textEncoding';
import { Progress, ProgressWriter } from './progress';
import { LineTable } from '../model/lineTable';
import { FixSafety } from '../rules/rule';

/** Fixes can make room for others (overlapping edits wait for the next pass). */
const MAX_PASSES = 5;

export interface FixInput {
  uri: string;
  file: string;
  text: string;
  encoding: DecodedEncoding;
  bom: boolean;
}

export interface FixOutcome {
  /** Fixes written, counted by edit (a safe fix is one edit; renaming an element, two). */
  fixes: number;
  /** The file's text after the run (the original when nothing was written). */
  text: string;
  /** Why fixes were found but not written. */
  notWritten?: string;
  /** The file could not be written: bad input, exit code 2. */
  writeError?: string;
}

/** The text with every fix of the given safeties applied (safe ones by default), pass after pass, and how many edits that took. */
export function fixText(service: LanguageService, uri: string, text: string, safeties?: ReadonlySet<FixSafety>): { text: string; fixes: number } {
  let fixes = 0;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    service.openDocument(uri, text, pass);
    const edits = service.fixAll(uri, safeties);
    if (edits.length === 0) break;
    text = applyEdits(text, edits);
    fixes += edits.length;
  }
  return { text, fixes };
}

/** Fixes one file; the service ends up holding the file as it is on disk afterwards. */
export async function fixFile(service: LanguageService, input: FixInput, safeties?: ReadonlySet<FixSafety>): Promise<FixOutcome> {
  const fixed = fixText(service, input.uri, input.text, safeties);
  const keep = (outcome: Omit<FixOutcome, 'fixes' | 'text'>): FixOutcome => {
    service.closeDocument(input.uri, input.text, input.encoding);
    return { fixes: 0, text: input.text, ...outcome };
  };
  if (fixed.fixes === 0 || fixed.text === input.text) return keep({});

  const before = encodeText(input.text, input.encoding, input.bom);
  const after = encodeText(fixed.text, input.encoding, input.bom);
  if (!after.ok) {
    return keep({
      notWritten: `not fixed: the fixed text needs '${after.char}' (line ${LineTable.fromText(fixed.text).positionAt(after.offset).line + 1}), which ${input.encoding} cannot hold.`,
    });
  }
  let onDisk: Buffer;
  try {
    onDisk = await fs.readFile(input.file);
  } catch (e) {
    return keep({ writeError: `cannot be read again to fix it: ${(e as Error).message}` });
  }
  if (!before.ok || !onDisk.equals(before.bytes)) {
    return keep({ notWritten: `not fixed: its bytes would not be kept as they are (${input.encoding} text that does not round-trip, or the file changed on disk).` });
  }
  try {
    await replaceFileContent(input.file, after.bytes);
  } catch (e) {
    return keep({ writeError: `cannot be written: ${(e as Error).message}` });
  }
  service.closeDocument(input.uri, fixed.text, input.encoding);
  return { fixes: fixed.fixes, text: fixed.text };
}

/**
 * Fixes every configuration file, one after the other (a fix in one file is seen by the
 * next ones, through the index). `say` reports files left unfixed or unwritable.
 */
export async function fixFiles(
  service: LanguageService,
  files: readonly FixInput[],
  progress: ProgressWriter | undefined,
  say: (file: string, message: string) => void,
  safeties?: ReadonlySet<FixSafety>,
): Promise<{ fixes: Map<string, number>; writeFailed: boolean }> {
  const fixes = new Map<string, number>();
  let writeFailed = false;
  const bar = new Progress(progress, 'Fixing', files.length);
  for (const [i, f] of files.entries()) {
    if (service.isConfigurationFile(f.uri)) {
      const outcome = await fixFile(service, f, safeties);
      if (outcome.notWritten) say(f.file, outcome.notWritten);
      if (outcome.writeError) {
        say(f.file, outcome.writeError);
        writeFailed = true;
      }
      fixes.set(f.uri, outcome.fixes);
    }
    bar.update(i + 1);
  }
  bar.end();
  return { fixes, writeFailed };
}
