import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { LanguageService } from '../../server/src/languageService';
import { MAX_ITEMS } from '../../server/src/features/completion';
import { conf, cursor, textOf } from '../helpers/cursor';
import { fixtureWorkspace, uriOf, workspace } from '../helpers/workspace';

function completeIn(service: LanguageService, name: string, textWithCursor: string) {
  const c = cursor(textWithCursor);
  service.openDocument(uriOf(name), c.text, 1);
  return { list: service.doComplete(uriOf(name), c.position), text: c.text };
}

describe('identifier completion', () => {
  it('offers every task of the workspace in ParentTask, own job first, without the task itself', () => {
    const { service } = fixtureWorkspace('multi-file');
    const { list } = completeIn(
      service,
      'new.xml',
      conf(`<Job Identifier="Job_New" DisplayName_L1="n">
  <ExportTask Identifier="New_Export" DisplayName_L1="e" Agent="Local" OpenIdClient="Job" Connection="ADExport" />
  <FulfillTask Identifier="New_Fulfill" DisplayName_L1="f">
    <TaskDependsOnTask ParentTask="|" />
  </FulfillTask>
</Job>`),
    );
    assert.ok(list);
    // As an editor sorts: by sortText, else by label.
    const sorted = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((i) => i.label);
    assert.deepEqual(sorted, ['New_Export', 'AD_Export_Complete', 'AD_Fulfill', 'AD_Prepare', 'All_CorrelationKeys']);
    assert.equal(list.isIncomplete, false);
  });

  it('describes each task by element type, display name and file', () => {
    const { service } = fixtureWorkspace('multi-file');
    const { list } = completeIn(service, 'new.xml', conf(`<Job Identifier="J" DisplayName_L1="j"><Step Identifier="All_|" /></Job>`));
    const item = list!.items.find((i) => i.label === 'All_CorrelationKeys')!;
    assert.deepEqual(item.labelDetails, { detail: ' ComputeCorrelationKeysTask', description: 'Shared Tasks.xml' });
    // The display name and documentation come with completionItem/resolve, for the item the user looks at.
    assert.equal(item.detail, undefined);
    assert.equal(item.documentation, undefined);
    const resolved = service.resolveCompletionItem(item);
    assert.equal(resolved.detail, 'ComputeCorrelationKeysTask — All correlation keys');
    assert.deepEqual(resolved.documentation, {
      kind: 'markdown',
      value: '**All correlation keys**\n\n`ComputeCorrelationKeysTask` in `Shared Tasks.xml`',
    });
  });

  it('offers exactly the identifiers of the referenced kind', () => {
    const { service } = fixtureWorkspace('multi-file');
    const labels = (attr: string) =>
      completeIn(service, 'k.xml', conf(`<FulfillTask Identifier="F" DisplayName_L1="f" ${attr}="|" />`))
        .list!.items.map((i) => i.label)
        .sort();
    assert.deepEqual(labels('Connector'), ['AD']);
    assert.deepEqual(labels('Connection'), ['ADExport', 'ADFulfillment']);
    assert.deepEqual(labels('Agent'), ['Local']);
    assert.deepEqual(labels('OpenIdClient'), ['Job']);
  });

  it('replaces the whole value being edited', () => {
    const { service } = fixtureWorkspace('multi-file');
    const { list, text } = completeIn(service, 'r.xml', conf(`<SynchronizeTask Identifier="S" DisplayName_L1="s" Connector="A|D_old" />`));
    const edit = list!.items[0].textEdit as { range: Parameters<typeof textOf>[1]; newText: string };
    assert.equal(textOf(text, edit.range), 'AD_old');
    assert.equal(edit.newText, 'AD');
  });

  it('gives the edit range once when the editor takes item defaults (VS Code does)', () => {
    const { service } = fixtureWorkspace('multi-file');
    const c = cursor(conf(`<SynchronizeTask Identifier="S" DisplayName_L1="s" Connector="A|D_old" />`));
    service.openDocument(uriOf('d.xml'), c.text, 1);
    const list = service.doComplete(uriOf('d.xml'), c.position, { editRangeDefault: true })!;
    assert.equal(textOf(c.text, list.itemDefaults!.editRange as Parameters<typeof textOf>[1]), 'AD_old');
    assert.deepEqual(
      list.items.map((i) => [i.label, i.textEdit]),
      [['AD', undefined]],
    );
  });

  it('works in the typing state: an unterminated value before the rest of the file', () => {
    const { service } = fixtureWorkspace('multi-file');
    const { list } = completeIn(
      service,
      't.xml',
      conf(`<Job Identifier="J" DisplayName_L1="j">
  <FulfillTask Identifier="F" DisplayName_L1="f">
    <TaskDependsOnTask ParentTask="AD_|
  </FulfillTask>
  <ExportTask Identifier="Later" DisplayName_L1="l" Agent="Local" OpenIdClient="Job" Connection="ADExport" />
</Job>`),
    );
    assert.ok(list!.items.some((i) => i.label === 'Later'));
    assert.ok(list!.items.some((i) => i.label === 'AD_Prepare'));
  });

  it('offers nothing outside reference values', () => {
    const { service } = fixtureWorkspace('multi-file');
    assert.equal(completeIn(service, 'n.xml', conf(`<ExportTask Identifier="|" />`)).list, null);
    assert.equal(completeIn(service, 'n.xml', conf(`<ExportTask DisplayName_L1="|" />`)).list, null);
  });

  it(`filters by the typed prefix and caps at ${MAX_ITEMS} items when there are more`, () => {
    const many = Array.from({ length: 2500 }, (_, i) => `<ExportTask Identifier="T${String(i).padStart(4, '0')}" DisplayName_L1="t" />`).join('\n');
    const service = workspace({ 'many.xml': conf(many) });
    const all = completeIn(service, 'a.xml', conf(`<Step Identifier="|" />`)).list!;
    assert.equal(all.items.length, MAX_ITEMS);
    assert.equal(all.isIncomplete, true);
    const some = completeIn(service, 'a.xml', conf(`<Step Identifier="T12|" />`)).list!;
    assert.deepEqual(
      some.items.map((i) => i.label).sort(),
      Array.from({ length: 100 }, (_, i) => `T12${String(i).padStart(2, '0')}`),
    );
    assert.equal(some.isIncomplete, true);
  });
});
