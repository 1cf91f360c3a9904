/**
 * The strict XML verdict of an open document stays with the document: the editor's keystroke
 * pass skips the strict parser unless its last verdict was an error, so that the error does not
 * disappear while it is still there.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { conf } from '../helpers/cursor';
import { uriOf, workspace } from '../helpers/workspace';

const CLEAN = conf(`<ExportTask Identifier="E" DisplayName_L1="a b" />`);
const BROKEN = CLEAN.replace('"a b"', '"a &nbsp; b"');

describe('the strict XML verdict of an open document', () => {
  it('holds from a failed strict check until a strict check passes, across versions', () => {
    const service = workspace({ 't.xml': CLEAN }, ['t.xml']);
    const uri = uriOf('t.xml');
    const wellFormed = (strictXml: boolean) => service.validate(uri, { strictXml }).filter((d) => d.code === 'xml/well-formed').length;

    service.changeDocument(uri, BROKEN, 2);
    assert.equal(wellFormed(false), 0, 'the keystroke pass alone does not see it');
    assert.equal(service.strictXmlFailed(uri), false);
    assert.equal(wellFormed(true), 1);
    assert.equal(service.strictXmlFailed(uri), true);

    // Typing elsewhere: a new version, not checked strictly yet, keeps the last verdict.
    service.changeDocument(uri, BROKEN.replace('Identifier="E"', 'Identifier="EE"'), 3);
    assert.equal(service.strictXmlFailed(uri), true);
    assert.equal(wellFormed(false), 0);
    assert.equal(service.strictXmlFailed(uri), true, 'a check without the strict parser leaves the verdict');

    service.changeDocument(uri, CLEAN, 4);
    assert.equal(wellFormed(true), 0);
    assert.equal(service.strictXmlFailed(uri), false);
  });
});
