/**
 * `usercubeJobs/jobSteps` also answers the OpenIdClient "Run job" passes as --api-client-id: that
 * of the job's first task that names one, generated tasks included; null when none does.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { startSession } from '../helpers/lspClient';
import { conf } from '../helpers/cursor';
import { CONTEXT } from '../helpers/jobs';

const JOBS = conf(`<OpenIdClient Identifier="Agent_Client" DisplayName_L1="a" HashedSecret="x" Profile="Pr" />
<Job Identifier="Job_Written" DisplayName_L1="w" Agent="Local">
  <SynchronizeTask Identifier="W_Sync" DisplayName_L1="s" Connector="AD" />
  <ExportTask Identifier="W_Export" DisplayName_L1="e" Agent="Local" OpenIdClient="Agent_Client" Connector="AD" Connection="ADExport" />
</Job>
<Job Identifier="Job_Server_Only" DisplayName_L1="s" Agent="Local">
  <SynchronizeTask Identifier="S_Sync" DisplayName_L1="s" Connector="AD" />
</Job>
<CreateConnectorSynchroComplete DisplayName_L1="c" Connector="AD" JobIdentifier="Job_Generated">
  <OpenIdIdentifier Identifier="Agent_Client" />
</CreateConnectorSynchroComplete>`);

describe('protocol: the client id of a job run', () => {
  test('is the first OpenIdClient of the job, generated tasks included, else null', async (t) => {
    const { client } = await startSession(t, { 'Conf/context.xml': CONTEXT, 'Conf/jobs.xml': JOBS });
    const clientOf = async (job: string) => (await client.connection.sendRequest<{ openIdClient: string | null } | null>('usercubeJobs/jobSteps', { job }))?.openIdClient;
    assert.equal(await clientOf('Job_Written'), 'Agent_Client');
    assert.equal(await clientOf('Job_Generated'), 'Agent_Client');
    assert.equal(await clientOf('Job_Server_Only'), null);
    assert.equal(await clientOf('Job_Nowhere'), undefined);
  });
});
