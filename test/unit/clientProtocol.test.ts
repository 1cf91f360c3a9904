/** The client's side of the job-model protocol: the names it sends, the words of its status item. */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { JOB_REQUESTS as CLIENT_REQUESTS, STATUS_NOTIFICATION as CLIENT_STATUS } from '../../client/src/protocol';
import { JOB_REQUESTS, STATUS_NOTIFICATION } from '../../server/src/protocol/jobHandlers';
import { statusText } from '../../client/src/statusText';

describe('client protocol', () => {
  it('uses the names the server answers to', () => {
    assert.deepEqual(CLIENT_REQUESTS, JOB_REQUESTS);
    assert.equal(CLIENT_STATUS, STATUS_NOTIFICATION);
  });

  it('words the status as the status bar shows it', () => {
    assert.equal(statusText({ indexing: true, done: 120, total: 1180, files: 120, jobs: 0, errors: 0 }), 'Indexing 120/1,180');
    assert.equal(statusText({ indexing: false, done: 0, total: 0, files: 1180, jobs: 4494, errors: 3 }), 'Usercube: 1,180 files · 4,494 jobs · 3 errors');
    assert.equal(statusText({ indexing: false, done: 0, total: 0, files: 1, jobs: 1, errors: 1 }), 'Usercube: 1 file · 1 job · 1 error');
  });
});
