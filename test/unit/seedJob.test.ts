/**
 * The "Set up Complete Synchronization" guide's own complete-sync job (the connector of step 1
 * and the job of step 12), exactly as printed, U+FFFD characters included. "Seed Context.xml"
 * defines what the guide refers to without printing (agent, OpenID client, connections, entity
 * types, resource types, classification and profile rules), so that only the job itself is judged.
 */
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fixtureWorkspace } from '../helpers/workspace';
import { textOf } from '../helpers/cursor';
import { SEVERITY } from '../helpers/jobs';

describe("the Set up Complete Synchronization guide's job", () => {
  const ws = fixtureWorkspace('seed', ['Seed Job.xml']);
  const text = ws.text('Seed Job.xml');
  const found = ws.service.validate(ws.uri('Seed Job.xml')).map((d) => [d.code, SEVERITY[d.severity!], textOf(text, d.range)]);

  it('gets exactly these diagnostics, for these reasons', () => {
    assert.deepEqual(found, [
      // Step 12 redefines the step 2 export inline without IgnoreCookieFile and ContinueOnError, which step 2 asks for.
      ['export/ignore-cookie-on-complete', 'warning', 'ExportTask'],
      ['export/continue-on-error', 'info', 'ExportTask'],
      // The guide's connection identifiers hold '_', which the Connection page forbids.
      ['connection/identifier-format', 'error', 'AD_Export_Delta'],
      // The PrepareSynchronizationTask has no Identifier: nothing can depend on it (the seed's SynchronizeTask depends on the export instead).
      ['task/identifier-recommended', 'warning', 'PrepareSynchronizationTask'],
      // Accents lost to a wrong code page in the French display names.
      ['file/encoding-mojibake', 'warning', 'AD - Pr\uFFFDparation de la synchronisation (mode complet)'],
      ['file/encoding-mojibake', 'warning', 'Global - Mise \uFFFD jour des propri\uFFFDt\uFFFDs calcul\uFFFDes'],
      // Steps 5 and 6 write TaskEntityType Identifier= where every reference page says EntityType=.
      ['taskentitytype/attribute-name', 'error', 'Identifier'],
      ['taskentitytype/attribute-name', 'error', 'Identifier'],
      ['file/encoding-mojibake', 'warning', 'R\uFFFDf\uFFFDrentiel - Pr\uFFFDparation des ordres de provisioning'],
      ['file/encoding-mojibake', 'warning', 'AD - R\uFFFDcup\uFFFDration des ordres de provisioning'],
      ['connection/identifier-format', 'error', 'AD_Fulfillment'],
      ['file/encoding-mojibake', 'warning', 'AD - Mise \uFFFD jour de la classification des comptes'],
      ['file/encoding-mojibake', 'warning', 'Global - Mise \uFFFD jour des profils'],
      // The notification task has no Identifier either, and is deprecated in the current documentation.
      ['task/identifier-recommended', 'warning', 'SendRoleModelNotificationsTask'],
      ['deprecated/sendrolemodelnotifications', 'info', 'SendRoleModelNotificationsTask'],
      // Nothing else: the rest of the guide (mode, dependencies, order) is followed.
    ]);
  });
});
