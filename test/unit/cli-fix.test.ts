/**
 * `usercube-jobs check --fix`: the safe fixes (and the suggestions, with --fix-type) written in place, each file keeping its encoding,
 * BOM and line endings byte for byte outside the edits; and the encoder behind it.
 */
import { strict as assert } from 'node:assert';
import { cpSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { decodeBytes } from '../../server/src/model/textDecoding';
import { encodeText, encodeWindows1252 } from '../../server/src/model/textEncoding';
import { WINDOWS_1252_80_9F } from '../../server/src/model/windows1252';
import { FIXTURES } from '../helpers/workspace';
import { rulesLine, runCliIn, tempDir } from '../helpers/cli';

const run = runCliIn;

/** test/fixtures/cli-fix copied to a temporary folder as `conf/` (the fixture itself is never written). */
function fixCopy(): { root: string; file: (name: string) => string } {
  const root = tempDir('ucj-fix-');
  cpSync(path.join(FIXTURES, 'cli-fix'), path.join(root, 'conf'), { recursive: true });
  return { root, file: (name) => path.join(root, 'conf', name) };
}

/** `bytes` with the first occurrence of `from` (as Latin-1 bytes) replaced by `to`. */
function replaceBytes(bytes: Buffer, from: string, to: string): Buffer {
  const at = bytes.indexOf(Buffer.from(from, 'latin1'));
  assert.ok(at >= 0, `'${from}' is in the file`);
  return Buffer.concat([bytes.subarray(0, at), Buffer.from(to, 'latin1'), bytes.subarray(at + from.length)]);
}

const CP1252_JOB = 'Job complet.xml';
const BOM_TASKS = 'Tasks BOM.xml';
const REMAINING = "conf/Tasks BOM.xml:4:103: warning attribute/unknown Unknown attribute 'Descrption' on UpdateEntityPropertyExpressionsTask.";
const SUGGESTION_LEFT = 'conf/Job complet.xml:9:119: error sync-complete/no-donotdeletechanges DoNotDeleteChanges must not be present in a complete job.';

describe('usercube-jobs check --fix', () => {
  it('the Windows-1252 fixture is what it claims: CRLF only, accents and typographic signs in single bytes', () => {
    const bytes = readFileSync(path.join(FIXTURES, 'cli-fix', CP1252_JOB));
    const crlf = bytes.toString('latin1').split('\r\n').length - 1;
    const lf = bytes.toString('latin1').split('\n').length - 1;
    assert.ok(crlf > 10 && crlf === lf, 'every line ends with CRLF');
    for (const b of [0xe9 /* é */, 0xe8 /* è */, 0xe0 /* à */, 0x92 /* ’ */, 0x96 /* – */, 0x97 /* — */, 0x80 /* € */, 0xab /* « */]) {
      assert.ok(bytes.includes(b), `byte 0x${b.toString(16)}`);
    }
    assert.equal(decodeBytes(bytes).encoding, 'windows-1252');
  });

  it('applies the safe fixes only: removing DoNotDeleteChanges changes what the job does, so it stays a suggestion', async () => {
    const { root, file } = fixCopy();
    const before = readFileSync(file(CP1252_JOB));
    const r = await run(root, 'check', 'conf', '--fix');
    assert.deepEqual(r.err, []);
    assert.deepEqual(r.out, [SUGGESTION_LEFT, REMAINING, rulesLine(root), 'Applied 1 fix to 1 file.', '3 XML files, 3 configuration files: 1 error, 1 warning, 0 info.']);
    assert.equal(r.code, 1);
    assert.ok(readFileSync(file(CP1252_JOB)).equals(before), 'the job is not written');
  });

  it('removes DoNotDeleteChanges from a Windows-1252 CRLF file with --fix-type safe,suggestion, changing no other byte', async () => {
    const { root, file } = fixCopy();
    const before = readFileSync(file(CP1252_JOB));
    const r = await run(root, 'check', 'conf', '--fix', '--fix-type', 'safe,suggestion');
    assert.deepEqual(r.err, []);
    assert.deepEqual(r.out, [REMAINING, rulesLine(root), 'Applied 2 fixes to 2 files.', '3 XML files, 3 configuration files: 0 errors, 1 warning, 0 info.']);
    assert.equal(r.code, 0, 'only a warning remains');
    const expected = replaceBytes(before, ' DoNotDeleteChanges="true"', '');
    assert.ok(readFileSync(file(CP1252_JOB)).equals(expected), 'bytes after --fix');
  });

  it('with --fix-type suggestion alone, leaves the safe fixes alone', async () => {
    const { root, file } = fixCopy();
    const before = readFileSync(file(BOM_TASKS));
    const r = await run(root, 'check', 'conf', '--fix', '--fix-type=suggestion');
    assert.equal(
      r.out.find((l) => l.startsWith('Applied')),
      'Applied 1 fix to 1 file.',
    );
    assert.ok(readFileSync(file(BOM_TASKS)).equals(before), 'the safe rename is not applied');
  });

  it('keeps the UTF-8 BOM of a file it fixes', async () => {
    const { root, file } = fixCopy();
    const before = readFileSync(file(BOM_TASKS));
    assert.deepEqual([...before.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    await run(root, 'check', 'conf', '--fix');
    const after = readFileSync(file(BOM_TASKS));
    assert.ok(after.equals(replaceBytes(before, '<TaskEntityType Identifier=', '<TaskEntityType EntityType=')), 'bytes after --fix');
  });

  it('writes only the files it changes, and nothing on a second run', async () => {
    const { root, file } = fixCopy();
    const past = new Date('2001-01-01T00:00:00Z');
    for (const name of ['Context.xml', CP1252_JOB, BOM_TASKS]) utimesSync(file(name), past, past);
    await run(root, 'check', 'conf', '--fix', '--fix-type', 'safe,suggestion');
    assert.equal(statSync(file('Context.xml')).mtimeMs, past.getTime(), 'Context.xml untouched');
    assert.notEqual(statSync(file(CP1252_JOB)).mtimeMs, past.getTime(), 'the job was written');

    const fixed = [CP1252_JOB, BOM_TASKS].map((n) => readFileSync(file(n)));
    for (const name of [CP1252_JOB, BOM_TASKS]) utimesSync(file(name), past, past);
    const again = await run(root, 'check', 'conf', '--fix', '--fix-type', 'safe,suggestion');
    assert.deepEqual(again.out, [REMAINING, rulesLine(root), 'Applied 0 fixes to 0 files.', '3 XML files, 3 configuration files: 0 errors, 1 warning, 0 info.']);
    for (const [i, name] of [CP1252_JOB, BOM_TASKS].entries()) {
      assert.equal(statSync(file(name)).mtimeMs, past.getTime(), `${name} not written again`);
      assert.ok(readFileSync(file(name)).equals(fixed[i]));
    }
  });

  it('counts the fixes per file in the json format', async () => {
    const { root } = fixCopy();
    const r = await run(root, 'check', 'conf', '--fix', '--format', 'json');
    const doc = JSON.parse(r.out.join('\n'));
    assert.deepEqual(
      doc.files.map((f: { path: string; fixesApplied: number; diagnostics: unknown[] }) => [f.path, f.fixesApplied, f.diagnostics.length]),
      [
        ['conf/Context.xml', 0, 0],
        ['conf/Job complet.xml', 0, 1],
        ['conf/Tasks BOM.xml', 1, 1],
      ],
    );
    assert.equal(doc.summary.fixesApplied, 1);
    assert.equal(doc.summary.filesFixed, 1);
  });

  it('leaves the files alone without --fix', async () => {
    const { root, file } = fixCopy();
    const before = readFileSync(file(CP1252_JOB));
    const r = await run(root, 'check', 'conf');
    assert.equal(r.code, 1);
    assert.ok(readFileSync(file(CP1252_JOB)).equals(before));
  });

  const utf16Task = (comment: string) =>
    '<?xml version="1.0" encoding="utf-16"?>\r\n<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">\r\n' +
    `  <!-- ${comment} -->\r\n  <UpdateEntityPropertyExpressionsTask Identifier="T" DisplayName_L1="Propriétés">\r\n` +
    '    <TaskEntityType Identifier="E" />\r\n  </UpdateEntityPropertyExpressionsTask>\r\n  <EntityType Identifier="E" DisplayName_L1="e" />\r\n</ConfigurationFile>\r\n';

  it('fixes a UTF-16LE file in UTF-16LE with its BOM', async () => {
    const root = tempDir('ucj-fix16-');
    const text = utf16Task('Tâches');
    writeFileSync(path.join(root, 'tasks.xml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await run(root, 'check', '.', '--fix');
    assert.deepEqual(r.out.slice(-2), ['Applied 1 fix to 1 file.', '1 XML files, 1 configuration files: 0 errors, 0 warnings, 0 info.']);
    const expected = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('<TaskEntityType Identifier=', '<TaskEntityType EntityType='), 'utf16le')]);
    assert.ok(readFileSync(path.join(root, 'tasks.xml')).equals(expected));
  });

  it('leaves a file unfixed, with a message, when its bytes would not survive the round trip', async () => {
    const root = tempDir('ucj-fix16-');
    // A lone surrogate decodes to U+FFFD: writing the text back would change that character.
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16Task('\uD800'), 'utf16le')]);
    writeFileSync(path.join(root, 'tasks.xml'), bytes);
    const r = await run(root, 'check', '.', '--fix');
    assert.deepEqual(r.err, ['tasks.xml: not fixed: its bytes would not be kept as they are (utf-16le text that does not round-trip, or the file changed on disk).']);
    assert.ok(
      r.out.some((l) => l.includes('error taskentitytype/attribute-name')),
      'the problem is still reported',
    );
    assert.equal(
      r.out.find((l) => l.startsWith('Applied')),
      'Applied 0 fixes to 0 files.',
    );
    assert.equal(r.code, 1);
    assert.ok(readFileSync(path.join(root, 'tasks.xml')).equals(bytes));
  });
});

describe('textEncoding', () => {
  it('writes every Windows-1252 byte back as it was read, by the standard table or by the Node decoder', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const standard = String.fromCharCode(...[...all].map((b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_80_9F[b - 0x80] : b)));
    // Node 20.18.3+ reads windows-1252 as Latin-1 (nodejs/node#60888); older and newer ones follow the standard.
    for (const text of [standard, new TextDecoder('windows-1252').decode(all)]) {
      const r = encodeWindows1252(text);
      assert.ok(r.ok);
      assert.deepEqual([...r.bytes], [...all]);
    }
  });

  it('writes the typographic signs of Windows-1252 as their single bytes', () => {
    const r = encodeWindows1252('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
    assert.ok(r.ok);
    assert.deepEqual(
      [...r.bytes],
      [0x80, ...Array.from({ length: 31 }, (_, i) => 0x81 + i)].filter((b) => ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(b)),
    );
  });

  it('refuses a character Windows-1252 cannot hold, saying where', () => {
    assert.deepEqual(encodeWindows1252('Łódź'), { ok: false, offset: 0, char: 'Ł' });
    assert.deepEqual(encodeWindows1252('ab😀'), { ok: false, offset: 2, char: '😀' });
  });

  it('adds the BOM of each encoding when the file had one', () => {
    const bytes = (r: ReturnType<typeof encodeText>) => (r.ok ? [...r.bytes] : r);
    assert.deepEqual(bytes(encodeText('é', 'utf-8', true)), [0xef, 0xbb, 0xbf, 0xc3, 0xa9]);
    assert.deepEqual(bytes(encodeText('é', 'utf-8', false)), [0xc3, 0xa9]);
    assert.deepEqual(bytes(encodeText('é€', 'windows-1252', false)), [0xe9, 0x80]);
    assert.deepEqual(bytes(encodeText('é', 'utf-16le', true)), [0xff, 0xfe, 0xe9, 0x00]);
    assert.deepEqual(bytes(encodeText('é😀', 'utf-16be', true)), [0xfe, 0xff, 0x00, 0xe9, 0xd8, 0x3d, 0xde, 0x00]);
  });

  it('refuses a lone surrogate in UTF-8 (TextEncoder would write U+FFFD)', () => {
    assert.deepEqual(encodeText('a\uDC00b', 'utf-8', false), { ok: false, offset: 1, char: '\uDC00' });
  });
});
