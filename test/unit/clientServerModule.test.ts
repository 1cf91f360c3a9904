/** The client names the missing language server instead of failing with a generic error. */
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { serverModule } from '../../client/src/serverModule';
import { tempDir } from '../helpers/cli';

describe('client: the server module', () => {
  it('a missing dist/server.js is named, with what to do', () => {
    const extension = tempDir('ucj-ext-');
    const expected = path.join(extension, 'dist', 'server.js');
    assert.throws(() => serverModule(extension), {
      message: `Usercube Jobs cannot start its language server: ${expected} is missing. Reinstall the extension (or, in a development copy, run "npm run build").`,
    });
    mkdirSync(path.join(extension, 'dist'));
    writeFileSync(expected, '');
    assert.equal(serverModule(extension), expected);
  });
});
