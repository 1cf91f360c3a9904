/**
 * Findings that depend on definitions in another file follow edits of that file, and only
 * those: the resource types and Active Directory connections the guide's rules read are kept
 * while the user types in a job file, and read again when a resource type or a connection changes.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { conf, textOf } from '../helpers/cursor';
import { CONTEXT, GOOD_JOB } from '../helpers/jobs';
import { uriOf, workspace } from '../helpers/workspace';

const ROLE_MODEL = '<ComputeRoleModelTask Identifier="AD_RoleModel" DisplayName_L1="r"><TaskEntityType EntityType="HR_Person" /></ComputeRoleModelTask>';
const HR_TYPE = '<ResourceType Identifier="RT_HR" DisplayName_L1="hr" Policy="P" SourceEntityType="HR_Person" TargetEntityType="AD_Entry" />';
const AD_CONNECTION = '<Connection Identifier="ADDirSync" DisplayName_L1="d" Connector="AD" Package="Usercube.AD@0000001" />';

function found(service: ReturnType<typeof workspace>, rule: string, text: string): string[] {
  return service
    .validate(uriOf('job.xml'))
    .filter((d) => d.code === rule)
    .map((d) => textOf(text, d.range));
}

describe('findings that read other files', () => {
  it("a ComputeRoleModelTask's entity type: reported once the resource type in another file changes its source, and no more when it changes back", () => {
    const jobText = conf(`${GOOD_JOB}\n<EntityType Identifier="HR_Person" />\n${ROLE_MODEL}`);
    const types = conf(HR_TYPE);
    const service = workspace({ 'context.xml': CONTEXT, 'types.xml': types, 'job.xml': jobText }, ['job.xml', 'types.xml']);
    const rule = 'computerolemodel/source-entitytypes';
    assert.deepEqual(found(service, rule, jobText), []);
    // Typing in the job file keeps what was read of the resource types.
    const typed = jobText.replace('DisplayName_L1="r"', 'DisplayName_L1="role model"');
    service.changeDocument(uriOf('job.xml'), typed, 2);
    assert.deepEqual(found(service, rule, typed), []);
    service.changeDocument(uriOf('types.xml'), types.replace('SourceEntityType="HR_Person"', 'SourceEntityType="HR_Other"'), 2);
    assert.deepEqual(found(service, rule, typed), ['HR_Person']);
    service.changeDocument(uriOf('types.xml'), types, 3);
    assert.deepEqual(found(service, rule, typed), []);
  });

  it('a prepare task of a connector: reported once a connection in another file makes it an Active Directory connector', () => {
    const jobText = conf(GOOD_JOB);
    const connections = conf('<Connection Identifier="ADDirSync" DisplayName_L1="d" Connector="AD" Package="Usercube.LDAP@0000001" />');
    const service = workspace({ 'context.xml': CONTEXT, 'connections.xml': connections, 'job.xml': jobText }, ['job.xml', 'connections.xml']);
    const rule = 'prepare/type-for-ad-or-changes';
    assert.deepEqual(found(service, rule, jobText), []);
    service.changeDocument(uriOf('connections.xml'), conf(AD_CONNECTION), 2);
    assert.deepEqual(found(service, rule, jobText), ['PrepareSynchronizationTask']);
  });
});
