/**
 * A file that declares UTF-8 but holds other bytes (saved as Windows-1252 by a Windows tool):
 * read as Windows-1252 as before, and now said, with where the first such byte is.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { decodeBytes } from '../../server/src/model/textDecoding';
import { runCliIn, tempDir } from '../helpers/cli';

const DECLARED =
  '<?xml version="1.0" encoding="utf-8"?>\n<ConfigurationFile xmlns="urn:schemas-usercube-com:configuration">\n  <Agent Identifier="Local" DisplayName_L1="Pr\xe9paration" />\n</ConfigurationFile>\n';

describe('a file declared UTF-8 with bytes that are not', () => {
  it('knows where the first byte that is not UTF-8 is', () => {
    const d = decodeBytes(Buffer.from(DECLARED, 'latin1'));
    assert.equal(d.problem, 'invalid-utf8-declared');
    assert.equal(d.text.slice(d.invalidAt, d.invalidAt! + 8), 'éparatio');
    // Valid UTF-8 around it does not shift the place (one character per byte once read as Windows-1252).
    const mixed = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?><a b="été"/>', 'utf8'), Buffer.from('<c d="\xe9"/>', 'latin1')]);
    const m = decodeBytes(mixed);
    assert.equal(m.text.slice(m.invalidAt), 'é"/>');
  });

  it('the command line says so on stderr, with the line and column, and still checks the file', async () => {
    const root = tempDir('ucj-utf8-');
    mkdirSync(path.join(root, 'conf'));
    writeFileSync(path.join(root, 'conf', 'Agent.xml'), Buffer.from(DECLARED, 'latin1'));
    const r = await runCliIn(root, 'check', 'conf');
    assert.equal(r.code, 0);
    assert.deepEqual(r.err, [
      'conf/Agent.xml: declares UTF-8, but line 3, column 47 is not UTF-8: read as Windows-1252 here, while an editor opening it as UTF-8 shows �. Save it as UTF-8, or declare its encoding (encoding="windows-1252").',
    ]);
    assert.deepEqual(r.out, ['1 XML files, 1 configuration files: 0 errors, 0 warnings, 0 info.']);
  });
});
