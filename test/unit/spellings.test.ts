/**
 * The table behind identifier/case-collision: identifiers grouped by their lower-case form,
 * filed under a number. Two spellings of one form count once however many there are, removals
 * undo it, and identifiers that only share the number are told apart.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Spellings, foldHash, sameIgnoringCase } from '../../server/src/index/spellings';

/** Two identifiers with different lower-case forms and the same number (found by trying). */
function sharingTheNumber(): [string, string] {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const id = `Task_${i}`;
    const h = foldHash(id);
    const other = seen.get(h);
    if (other !== undefined && other.toLowerCase() !== id.toLowerCase()) return [other, id];
    seen.set(h, id);
  }
}

describe('spellings of identifiers', () => {
  it('counts one collision per lower-case form, and forgets it when a spelling goes', () => {
    const s = new Spellings();
    s.add('Task', 'AD_Export');
    assert.equal(s.collisions, 0);
    assert.deepEqual(s.others('Task', 'AD_Export'), []);
    s.add('Task', 'ad_export');
    assert.equal(s.collisions, 1);
    assert.deepEqual(s.others('Task', 'AD_Export'), ['ad_export']);
    s.add('Task', 'Ad_Export');
    assert.equal(s.collisions, 1);
    assert.deepEqual(s.others('Task', 'ad_export'), ['AD_Export', 'Ad_Export']);
    // An identifier not filed still finds the spellings of its form.
    assert.deepEqual(s.others('Task', 'AD_EXPORT'), ['AD_Export', 'ad_export', 'Ad_Export']);
    s.remove('Task', 'ad_export');
    assert.equal(s.collisions, 1);
    s.remove('Task', 'Ad_Export');
    assert.equal(s.collisions, 0);
    assert.deepEqual(s.others('Task', 'ad_export'), ['AD_Export']);
    s.remove('Task', 'AD_Export');
    assert.deepEqual(s.others('Task', 'ad_export'), []);
  });

  it('keeps kinds apart', () => {
    const s = new Spellings();
    s.add('Task', 'HR');
    s.add('Connector', 'hr');
    assert.equal(s.collisions, 0);
    assert.deepEqual(s.others('Task', 'hr'), ['HR']);
    assert.deepEqual(s.others('Connector', 'HR'), ['hr']);
  });

  it('compares letters beyond ASCII as toLowerCase does', () => {
    const s = new Spellings();
    s.add('Task', 'Étape_Export');
    s.add('Task', 'étape_export');
    s.add('Task', 'STRASSE');
    s.add('Task', 'straße');
    // 'STRASSE'.toLowerCase() is 'strasse', not 'straße': two forms, one collision.
    assert.equal(s.collisions, 1);
    assert.deepEqual(s.others('Task', 'ÉTAPE_EXPORT'), ['Étape_Export', 'étape_export']);
    assert.deepEqual(s.others('Task', 'straße'), []);
    assert.equal(foldHash('Étape'), foldHash('éTAPE'));
    assert.ok(sameIgnoringCase('Étape', 'éTAPE'));
    assert.ok(!sameIgnoringCase('STRASSE', 'straße'));
  });

  it('tells apart identifiers that share the number but not the form', () => {
    const [a, b] = sharingTheNumber();
    const s = new Spellings();
    s.add('Task', a);
    s.add('Task', b);
    assert.equal(s.collisions, 0);
    assert.deepEqual(s.others('Task', a), []);
    s.add('Task', a.toUpperCase());
    assert.equal(s.collisions, 1);
    assert.deepEqual(s.others('Task', a), [a.toUpperCase()]);
    assert.deepEqual(s.others('Task', b), []);
    s.remove('Task', a);
    assert.equal(s.collisions, 0);
    assert.deepEqual(s.others('Task', b), []);
    assert.deepEqual(s.others('Task', a), [a.toUpperCase()]);
  });
});
