/**
 * Rename across the three files of test/fixtures/authoring-rename, one of them open: one
 * workspace edit that changes the definition and every reference in every file (also the
 * files that are not open), exactly the identifier's characters and nothing else (not the
 * display names or comments that mention it). Invalid or colliding names are refused.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { applyTextEdits, positionIn, textOf } from '../helpers/cursor';
import { fixtureWorkspace } from '../helpers/workspace';

const CONNECTOR = 'Conf/Connector.xml';
const SHARED = 'Conf/Shared Tasks.xml';
const JOBS = 'Conf/AD Jobs.xml';
const FILES = [CONNECTOR, SHARED, JOBS];

/** The fixture with `open` as the open document, and the position of the `|` in `at` (a piece of that file). */
function setup(open: string, at: string) {
  const ws = fixtureWorkspace('authoring-rename', [open]);
  const position = positionIn(ws.text(open), at);
  return { ...ws, uri: ws.uri, position, openUri: ws.uri(open) };
}

function renamed(ws: ReturnType<typeof setup>, newName: string): WorkspaceEdit {
  const result = ws.service.doRename(ws.openUri, ws.position, newName);
  assert.ok(result.ok, result.ok ? '' : result.message);
  return result.value;
}

/** Per file: the text every edit covers (must be the old identifier), and the text after the edit. */
function outcome(ws: ReturnType<typeof setup>, edit: WorkspaceEdit): Record<string, { covered: string[]; after: string }> {
  const byUri = new Map(FILES.map((f) => [ws.uri(f), f]));
  const out: Record<string, { covered: string[]; after: string }> = {};
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const file = byUri.get(uri);
    assert.ok(file, `edit of a fixture file: ${uri}`);
    const text = ws.text(file);
    out[file] = { covered: edits.map((e) => textOf(text, e.range)), after: applyTextEdits(text, edits) };
  }
  return out;
}

/** `text` with each [before, after] replaced exactly once. */
function replacedOnce(text: string, pairs: [string, string][]): string {
  let out = text;
  for (const [before, after] of pairs) {
    assert.equal(out.split(before).length, 2, `"${before}" once`);
    out = out.replace(before, after);
  }
  return out;
}

describe('rename', () => {
  it('a task from a ParentTask: its definition and every reference, in the open file and a closed one, nothing else', () => {
    const ws = setup(JOBS, '<TaskDependsOnTask ParentTask="AD_Export|_Complete" />');
    const result = outcome(ws, renamed(ws, 'AD_Export_Full'));
    assert.deepEqual(Object.keys(result).sort(), [JOBS]);
    assert.deepEqual(result[JOBS].covered, ['AD_Export_Complete', 'AD_Export_Complete', 'AD_Export_Complete']);
    assert.equal(
      result[JOBS].after,
      replacedOnce(ws.text(JOBS), [
        ['Identifier="AD_Export_Complete"', 'Identifier="AD_Export_Full"'],
        ['<TaskDependsOnTask ParentTask="AD_Export_Complete" />', '<TaskDependsOnTask ParentTask="AD_Export_Full" />'],
        ['ParentTask = " AD_Export_Complete "', 'ParentTask = " AD_Export_Full "'],
      ]),
    );
    // The comment and the display name that mention it are left alone.
    assert.match(result[JOBS].after, /<!-- AD_Export_Complete exports AD through adexport\. -->/);
    assert.match(result[JOBS].after, /DisplayName_L1="AD_Export_Complete"/);
  });

  it('a task defined in the open file and referenced from a closed file and a Step', () => {
    const ws = setup(SHARED, '<SetInternalUserProfilesTask Identifier="|AD_SetProfiles"');
    const result = outcome(ws, renamed(ws, 'AD_Profiles'));
    assert.deepEqual(Object.keys(result).sort(), [JOBS, SHARED]);
    assert.equal(result[SHARED].after, replacedOnce(ws.text(SHARED), [['Identifier="AD_SetProfiles"', 'Identifier="AD_Profiles"']]));
    assert.equal(result[JOBS].after, replacedOnce(ws.text(JOBS), [['<Step Identifier="AD_SetProfiles" />', '<Step Identifier="AD_Profiles" />']]));
  });

  it('an entity type from its definition: mapping, resource type, TaskEntityType in another file', () => {
    const ws = setup(CONNECTOR, '<EntityType Identifier="AD_En|try"');
    const result = outcome(ws, renamed(ws, 'AD_Account'));
    assert.deepEqual(Object.keys(result).sort(), [CONNECTOR, SHARED]);
    assert.deepEqual(result[CONNECTOR].covered, ['AD_Entry', 'AD_Entry', 'AD_Entry', 'AD_Entry']);
    assert.equal(
      result[CONNECTOR].after,
      replacedOnce(ws.text(CONNECTOR), [
        ['<EntityType Identifier="AD_Entry"', '<EntityType Identifier="AD_Account"'],
        ['<EntityTypeMapping Identifier="AD_Entry"', '<EntityTypeMapping Identifier="AD_Account"'],
        ['SourceEntityType="AD_Entry" TargetEntityType="AD_Entry"', 'SourceEntityType="AD_Account" TargetEntityType="AD_Account"'],
      ]),
    );
    assert.equal(result[SHARED].after, replacedOnce(ws.text(SHARED), [['EntityType="AD_Entry"', 'EntityType="AD_Account"']]));
  });

  it('a connection, whose references are compared without case, from a reference in a closed file', () => {
    const ws = setup(JOBS, 'Connection="ad|export"');
    const result = outcome(ws, renamed(ws, 'ADSource'));
    assert.deepEqual(Object.keys(result).sort(), [JOBS, CONNECTOR]);
    assert.equal(result[JOBS].after, replacedOnce(ws.text(JOBS), [['Connection="adexport"', 'Connection="ADSource"']]));
    // Only the identifier: the ConnectionTable prefix is not a reference (see the report).
    assert.equal(result[CONNECTOR].after, replacedOnce(ws.text(CONNECTOR), [['<Connection Identifier="ADExport"', '<Connection Identifier="ADSource"']]));
  });

  it('a connector, an agent, an OpenIdClient, a resource type and a job', () => {
    const connector = setup(CONNECTOR, '<Connector Identifier="A|D"');
    const c = outcome(connector, renamed(connector, 'HR'));
    assert.deepEqual(c[CONNECTOR].covered, ['AD', 'AD', 'AD', 'AD']);
    assert.deepEqual(c[JOBS].covered, ['AD', 'AD', 'AD', 'AD']);
    assert.doesNotMatch(c[JOBS].after, /Connector="AD"/);
    assert.match(c[JOBS].after, /<!-- AD_Export_Complete exports AD through adexport\. -->/);

    const agent = setup(JOBS, '<Job Identifier="Job_AD_Complete" DisplayName_L1="Job_AD_Complete" Agent="Lo|cal">');
    const a = outcome(agent, renamed(agent, 'Remote'));
    assert.deepEqual(Object.keys(a).sort(), [JOBS, CONNECTOR]);
    assert.equal(a[JOBS].covered.length, 4, 'the job and its three agent tasks');
    assert.equal(
      a[CONNECTOR].after,
      replacedOnce(agent.text(CONNECTOR), [
        ['Identifier="Local"', 'Identifier="Remote"'],
        ['Agent="Local"', 'Agent="Remote"'],
      ]),
    );

    const client = setup(CONNECTOR, '<OpenIdClient Identifier="Jo|b"');
    assert.deepEqual(outcome(client, renamed(client, 'JobClient'))[JOBS].covered, ['Job', 'Job', 'Job']);

    const resourceType = setup(SHARED, 'ResourceType="AD_Entry_|NominativeUser"');
    const r = outcome(resourceType, renamed(resourceType, 'AD_User'));
    assert.deepEqual(r[CONNECTOR].covered, ['AD_Entry_NominativeUser', 'AD_Entry_NominativeUser']);
    assert.deepEqual(r[SHARED].covered, ['AD_Entry_NominativeUser']);

    const job = setup(JOBS, '<Job Identifier="Job_|AD_Complete"');
    const j = outcome(job, renamed(job, 'Job_AD_Daily'));
    assert.equal(j[JOBS].after, replacedOnce(job.text(JOBS), [['<Job Identifier="Job_AD_Complete"', '<Job Identifier="Job_AD_Daily"']]));
  });

  it('prepareRename gives the identifier range and text, from a reference or a definition', () => {
    const ws = setup(JOBS, 'ParentTask = " AD_Export_Co|mplete "');
    const prep = ws.service.prepareRename(ws.openUri, ws.position);
    assert.ok(prep.ok);
    assert.equal(prep.value.placeholder, 'AD_Export_Complete');
    assert.equal(textOf(ws.text(JOBS), prep.value.range), 'AD_Export_Complete');
    const def = setup(JOBS, '<ExportTask Identifier="|AD_Export_Complete"');
    const d = def.service.prepareRename(def.openUri, def.position);
    assert.ok(d.ok);
    assert.equal(textOf(def.text(JOBS), d.value.range), 'AD_Export_Complete');
  });

  it('refuses what is not an identifier of a renameable kind, with a message', () => {
    const display = setup(JOBS, 'DisplayName_L1="Prep|are"');
    const r1 = display.service.prepareRename(display.openUri, display.position);
    assert.deepEqual(r1, {
      ok: false,
      message: 'Only the identifier of a task, job, connector, connection, entity type, resource type, agent, OpenIdClient can be renamed.',
    });
    const policy = setup(CONNECTOR, 'Policy="Def|ault"');
    const r2 = policy.service.prepareRename(policy.openUri, policy.position);
    assert.ok(!r2.ok);
    assert.match(r2.message, /^Policy identifiers cannot be renamed/);
  });

  it('refuses a name another element of the same kind has; another kind may have it', () => {
    const ws = setup(JOBS, '<ExportTask Identifier="AD_Ex|port_Complete"');
    assert.deepEqual(ws.service.doRename(ws.openUri, ws.position, 'AD_Prepare'), {
      ok: false,
      message: "Task 'AD_Prepare' already exists (PrepareSynchronizationTask in Conf/AD Jobs.xml): choose another name.",
    });
    assert.ok(ws.service.doRename(ws.openUri, ws.position, 'Job_AD_Complete').ok, 'a job has that name, not a task');
    const connection = setup(CONNECTOR, '<Connection Identifier="ADEx|port"');
    const clash = connection.service.doRename(connection.openUri, connection.position, 'adfulfillment');
    assert.ok(!clash.ok);
    assert.match(clash.message, /^Connection 'ADFulfillment' already exists/);
    // Changing the case of a connection is not a collision with itself.
    assert.ok(connection.service.doRename(connection.openUri, connection.position, 'ADEXPORT').ok);
  });

  it('refuses names that are not valid identifiers', () => {
    const task = setup(JOBS, '<ExportTask Identifier="AD_Ex|port_Complete"');
    const message = (name: string, ws = task) => {
      const r = ws.service.doRename(ws.openUri, ws.position, name);
      return r.ok ? 'accepted' : r.message;
    };
    assert.equal(message(''), 'The new name is empty.');
    assert.equal(message('AD Export'), "'AD Export' is not a valid identifier: no spaces, quotes, '<', '>' or '&'.");
    for (const bad of ['AD"X', "AD'X", 'A<B', 'A>B', 'A&B', 'A\tB']) assert.match(message(bad), /is not a valid identifier/);
    const connection = setup(CONNECTOR, '<Connection Identifier="ADEx|port"');
    assert.match(message('AD_Export', connection), /^'AD_Export' is not a valid Connection identifier: Letter first/);
    assert.match(message('1Export', connection), /is not a valid Connection identifier/);
    assert.equal(message('AD.Export-2', connection), 'accepted');
    const entity = setup(CONNECTOR, '<EntityType Identifier="AD_|Entry"');
    assert.match(message('Class', entity), /reserved word/);
  });
});
