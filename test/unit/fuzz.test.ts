/**
 * Fuzzing with a fixed seed: the configuration files of examples/ and test/fixtures/ mutated
 * the ways real files and typing break them (cut short, a stray `<` or quote, entities, a
 * DOCTYPE with entity bombs or external entities, deep nesting, random characters, mixed line
 * endings, huge values, pasted blocks), each opened in its workspace and put through every
 * feature. No call may throw or take more than a second (--fix, a batch over the file: five),
 * no entity may be expanded nor any file read through one.
 *
 * The sequence of cases is fixed by the seed; a run stops after FUZZ_CASES cases or
 * FUZZ_SECONDS seconds, whichever comes first (CI: the defaults). Longer runs:
 *   FUZZ_CASES=50000 FUZZ_SECONDS=3600 node --test out/test/unit/fuzz.test.js
 * FUZZ_DUMP=<file> writes the text of each case that passed a time limit to <file>.<case>.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { fixText } from '../../server/src/cli/fixer';
import { FIX_ALL_KIND } from '../../server/src/features/codeActions';
import { LanguageService } from '../../server/src/languageService';
import { LineTable } from '../../server/src/model/lineTable';
import { MUTATORS, prng, seedWorkspaces } from '../helpers/fuzzInputs';

const SEED = Number(process.env.FUZZ_SEED ?? 20261203);
const MAX_CASES = Number(process.env.FUZZ_CASES ?? 3000);
const MAX_SECONDS = Number(process.env.FUZZ_SECONDS ?? 20);
const CALL_LIMIT_MS = 1000;

/** A few cursor places: anywhere, and inside values (where completion and rename matter most). */
function positions(text: string, lines: LineTable, r: (n: number) => number): Position[] {
  const offsets = [r(text.length + 1), r(text.length + 1), text.length];
  for (let k = 0; k < 3; k++) {
    const i = text.indexOf('="', r(text.length + 1));
    if (i >= 0) offsets.push(i + 2 + r(4));
  }
  return offsets.map((o) => lines.positionAt(o));
}

describe('fuzz: mutated configuration files through every feature', () => {
  it(`seed ${SEED}: no call throws or takes over ${CALL_LIMIT_MS} ms, no entity is expanded`, (t) => {
    const r = prng(SEED);
    const seeds = seedWorkspaces();
    const services = seeds.map((s) => {
      const service = new LanguageService();
      service.setWorkspaceRoots([s.root]);
      for (const f of s.files) service.setFileText(f.uri, f.text);
      return service;
    });
    const started = Date.now();
    let cases = 0;
    let calls = 0;
    let slowest = { ms: 0, call: '' };
    let slowestAnswer = { ms: 0, call: '' };
    const slowCalls: string[] = [];
    let version = 1;
    while (cases < MAX_CASES && Date.now() - started < MAX_SECONDS * 1000) {
      const w = r(seeds.length);
      const seed = seeds[w];
      const service = services[w];
      const file = seed.files[r(seed.files.length)];
      let text = file.text;
      for (let k = 1 + r(3); k > 0; k--) text = MUTATORS[r(MUTATORS.length)](text, r);
      const uri = file.uri;
      const lines = LineTable.fromText(text);
      const call = <T>(name: string, work: () => T): T => {
        const t0 = Date.now();
        let result: T;
        try {
          result = work();
        } catch (e) {
          assert.fail(`case ${cases} (seed ${SEED}), ${name} on a mutation of ${uri}: ${(e as Error).stack}\n--- text (first 2,000 characters) ---\n${text.slice(0, 2000)}`);
        }
        const ms = Date.now() - t0;
        calls++;
        if (ms > slowest.ms) slowest = { ms, call: `${name} (case ${cases})` };
        if (name !== '--fix' && ms > slowestAnswer.ms) slowestAnswer = { ms, call: `${name} (case ${cases})` };
        // --fix is a batch over the whole file (up to five check passes), not an answer to the editor.
        const limit = name === '--fix' ? 5 * CALL_LIMIT_MS : CALL_LIMIT_MS;
        if (ms > limit) {
          // Counted, not thrown: a long run reports every slow case, not the first.
          slowCalls.push(`case ${cases} (seed ${SEED}): ${name} took ${ms} ms on a mutation of ${uri}`);
          if (process.env.FUZZ_DUMP) writeFileSync(`${process.env.FUZZ_DUMP}.${cases}`, text);
        }
        return result;
      };
      const noLeak = (what: string, value: unknown) => {
        const json = JSON.stringify(value) ?? '';
        assert.ok(
          !/root:x?:0:0|aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/.test(json),
          `case ${cases}: ${what} shows an expanded entity`,
        );
      };

      call('open', () => service.changeDocument(uri, text, ++version));
      // As the server asks: at most 1,000 diagnostics (fix-all below reads them all).
      const diagnostics: Diagnostic[] = call('validate', () => service.validate(uri, { strictXml: true, maxDiagnostics: 1000 }));
      noLeak('validate', diagnostics);
      for (const p of positions(text, lines, r)) {
        noLeak(
          'completion',
          call('completion', () => service.doComplete(uri, p, { editRangeDefault: r(2) === 0 })),
        );
        call('hover', () => service.doHover(uri, p));
        call('definition', () => service.findDefinition(uri, p));
        call('references', () => service.findReferences(uri, p, true));
        const prepared = call('prepareRename', () => service.prepareRename(uri, p));
        if (prepared.ok) call('rename', () => service.doRename(uri, p, `Renamed_${r(1000)}`));
      }
      call('documentSymbols', () => service.findDocumentSymbols(uri));
      call('workspaceSymbols', () => service.findWorkspaceSymbols(text.slice(r(text.length), r(text.length) + r(6))));
      const some = diagnostics.slice(0, 20);
      for (const d of some) call('codeAction', () => service.getCodeActions(uri, d.range, [d]));
      call('fixAll', () => service.getCodeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [], [FIX_ALL_KIND]));
      // Typing in a value: the patched tree (valueEdit.ts) must hold as well as a fresh parse.
      const v = text.indexOf('="', r(text.length + 1));
      if (v >= 0) {
        const typed = text.slice(0, v + 2) + 'x' + text.slice(v + 2);
        call('type in a value', () => service.changeDocument(uri, typed, ++version));
        call('validate after typing', () => service.validate(uri, { strictXml: false, maxDiagnostics: 1000 }));
      }
      if (cases % 10 === 0) call('--fix', () => fixText(new LanguageService(), 'file:///fuzz/fix.xml', text));
      service.closeDocument(uri, file.text);
      cases++;
    }
    t.diagnostic(
      `${cases} cases, ${calls} calls in ${((Date.now() - started) / 1000).toFixed(1)} s; slowest call ${slowest.ms} ms (${slowest.call}), slowest answer ${slowestAnswer.ms} ms (${slowestAnswer.call})`,
    );
    assert.deepEqual(slowCalls, []);
    assert.ok(cases >= Math.min(MAX_CASES, 100), `only ${cases} cases ran`);
  });
});
