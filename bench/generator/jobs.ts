/**
 * `<S> Jobs.xml`: per connector a complete and an incremental job of about 20 tasks, in the
 * order the complete-synchronization guide gives, with Steps to the shared tasks and to the
 * system's own `<S> Tasks.xml`, whose tasks the jobs' ParentTask values also name (cross-file).
 */
import { Random } from './random';
import { ConnectorSpec, SHARED, SystemSpec, taskIds } from './system';
import { FRENCH_NOTES } from './vocabulary';
import { XmlWriter, configurationFile } from './xmlWriter';

export function jobIds(c: ConnectorSpec) {
  return { complete: `Job_${c.id}_Complete`, incremental: `Job_${c.id}_Incremental` };
}

/** Task identifiers of the jobs, for probes: the provisioning task of the complete job and its Step. */
export function completeJobTaskIds(c: ConnectorSpec) {
  return { provisioning: `${c.id}_Provisioning_Complete`, prepare: `${c.id}_Prepare_Complete` };
}

export function jobsXml(sys: SystemSpec, rnd: Random, encoding: string, eol: string): string {
  return configurationFile(encoding, eol, (w) => {
    for (const c of sys.connectors) {
      w.blank();
      w.comment(1, `${c.id} : ${rnd.pick(FRENCH_NOTES)}.`);
      job(w, sys, c, false, rnd);
      w.blank();
      job(w, sys, c, true, rnd);
    }
  });
}

function job(w: XmlWriter, sys: SystemSpec, c: ConnectorSpec, incremental: boolean, rnd: Random): void {
  const mode = incremental ? 'Incremental' : 'Complete';
  const fr = `${sys.family.label} ${c.site}`;
  const frMode = incremental ? 'incrémental' : 'complet';
  const agent = sys.agent;
  const t = taskIds(c);
  const id = (name: string) => `${c.id}_${name}_${mode}`;
  const dep = (d: number, ...parents: string[]) => parents.forEach((p) => w.empty(d, 'TaskDependsOnTask', { ParentTask: p }));
  const steps = (d: number, ...ids: string[]) => ids.forEach((s) => w.empty(d, 'Step', { Identifier: s }));
  const entityTypes = (d: number) => c.entityTypes.forEach((e) => w.empty(d, 'TaskEntityType', { EntityType: e.id }));
  const jobs = jobIds(c);

  w.element(
    1,
    'Job',
    {
      Identifier: incremental ? jobs.incremental : jobs.complete,
      DisplayName_L1: `${c.label} - ${mode} synchronization`,
      DisplayName_L2: `${fr} - Synchronisation en mode ${frMode}`,
      Agent: agent,
      CronTabExpression: incremental ? `*/${rnd.pick([15, 20, 30])} * * * *` : `${rnd.int(0, 59)} ${rnd.int(0, 5)} * * *`,
      IsIncremental: incremental ? 'true' : undefined,
      IsConnectorJob: 'true',
    },
    (d) => {
      const exportIds = c.entityTypes.map((e) => id(`Export_${e.table}`));
      c.entityTypes.forEach((e, k) => {
        w.empty(d, 'ExportTask', {
          Identifier: exportIds[k],
          DisplayName_L1: `${c.label} - Export ${e.table} (${mode.toLowerCase()})`,
          DisplayName_L2: `${fr} - Export des ${e.fr.split(' ')[0].toLowerCase()}s (${frMode})`,
          Agent: agent,
          OpenIdClient: 'Job',
          Connector: c.id,
          Connection: `${c.connectionStem}Export`,
          ContinueOnError: 'true',
          IgnoreCookieFile: incremental ? undefined : 'true',
        });
      });
      w.element(
        d,
        'PrepareSynchronizationTask',
        {
          Identifier: id('Prepare'),
          Type: sys.family.syncType,
          DisplayName_L1: `${c.label} - Prepare synchronization (${mode.toLowerCase()})`,
          DisplayName_L2: `${fr} - Préparation de la synchronisation (${frMode})`,
          Connector: c.id,
          SynchronizationMode: mode,
          Agent: agent,
          OpenIdClient: 'Job',
        },
        (dd) => dep(dd, ...exportIds),
      );
      w.element(
        d,
        'SynchronizeTask',
        {
          Identifier: id('Synchronization'),
          Type: sys.family.syncType,
          DisplayName_L1: `${c.label} - Synchronization (${mode.toLowerCase()})`,
          DisplayName_L2: `${fr} - Synchronisation (${frMode})`,
          Connector: c.id,
          DoNotDeleteChanges: incremental ? 'true' : undefined,
        },
        (dd) => dep(dd, id('Prepare')),
      );
      let last = id('Synchronization');
      if (incremental) {
        w.element(
          d,
          'SetRecentlyModifiedFlagTask',
          { Identifier: id('RecentlyModified'), DisplayName_L1: `${c.label} - Recently modified flag`, DisplayName_L2: `${fr} - Indicateur de modification récente` },
          (dd) => dep(dd, last),
        );
        last = id('RecentlyModified');
      }
      w.element(
        d,
        'UpdateEntityPropertyExpressionsTask',
        {
          Identifier: id('Expressions'),
          DisplayName_L1: `${c.label} - Computed properties (${mode.toLowerCase()})`,
          DisplayName_L2: `${fr} - Mise à jour des propriétés calculées (${frMode})`,
          Connector: c.id,
          Dirty: incremental ? 'true' : undefined,
        },
        (dd) => {
          entityTypes(dd);
          dep(dd, last);
        },
      );
      steps(d, SHARED.computeAllProperties);
      w.element(
        d,
        'ComputeCorrelationKeysTask',
        {
          Identifier: id('CorrelationKeys'),
          DisplayName_L1: `${c.label} - Correlation keys (${mode.toLowerCase()})`,
          DisplayName_L2: `${fr} - Calcul des clés de corrélation (${frMode})`,
          Connector: c.id,
          Dirty: incremental ? 'true' : undefined,
        },
        (dd) => {
          entityTypes(dd);
          dep(dd, id('Expressions'));
        },
      );
      if (!incremental) steps(d, SHARED.correlationKeys);
      steps(d, t.computeRoleModel);
      w.element(
        d,
        'ComputeRiskScoresTask',
        {
          Identifier: id('RiskScores'),
          DisplayName_L1: `${c.label} - Risk scores`,
          DisplayName_L2: `${fr} - Calcul des scores de risque (${frMode})`,
          Dirty: incremental ? 'true' : undefined,
        },
        (dd) => {
          w.empty(dd, 'TaskEntityType', { EntityType: SHARED.directoryUser });
          dep(dd, t.computeRoleModel);
        },
      );
      // Cross-file: the parent is declared in "<S> Tasks.xml" and brought in by the Step above.
      w.element(
        d,
        'GenerateProvisioningOrdersTask',
        {
          Identifier: id('Provisioning'),
          DisplayName_L1: `${c.label} - Provisioning orders`,
          DisplayName_L2: `${fr} - Génération des ordres de provisioning (${frMode})`,
          Connector: c.id,
        },
        (dd) => dep(dd, t.computeRoleModel),
      );
      w.element(
        d,
        'FulfillTask',
        {
          Identifier: id('Fulfill'),
          DisplayName_L1: `${c.label} - Automated provisioning`,
          DisplayName_L2: `${fr} - Alimentation automatique (${frMode})`,
          Agent: agent,
          OpenIdClient: 'Job',
          Connector: c.id,
          Connection: `${c.connectionStem}Fulfillment`,
          ContinueOnError: 'true',
          Dirty: incremental ? 'true' : undefined,
        },
        (dd) => dep(dd, id('Provisioning')),
      );
      w.element(
        d,
        'UpdateClassificationTask',
        {
          Identifier: id('Classification'),
          DisplayName_L1: `${c.label} - Classification`,
          DisplayName_L2: `${fr} - Mise à jour de la classification des comptes`,
          Connector: c.id,
        },
        (dd) => {
          w.empty(dd, 'TaskEntityType', { EntityType: c.entityTypes[0].id });
          dep(dd, id('Fulfill'));
        },
      );
      w.element(
        d,
        'SetInternalUserProfilesTask',
        { Identifier: id('Profiles'), DisplayName_L1: `${c.label} - Profiles update`, DisplayName_L2: `${fr} - Mise à jour des profils` },
        (dd) => {
          w.empty(dd, 'TaskEntityType', { EntityType: c.entityTypes[0].id });
          w.empty(dd, 'TaskResourceType', { ResourceType: `${c.entityTypes[0].id}_Nominative` });
          dep(dd, id('Fulfill'));
        },
      );
      if (!incremental) steps(d, t.savePreExisting);
      w.element(
        d,
        'SendNotificationsTask',
        { Identifier: id('Notifications'), DisplayName_L1: `${c.label} - Notifications`, DisplayName_L2: `${fr} - Envoi des notifications (${frMode})` },
        (dd) => {
          w.empty(dd, 'TaskEntityType', { EntityType: SHARED.directoryUser });
          dep(dd, id('Profiles'));
        },
      );
      steps(d, t.buildRoleModel);
      w.element(
        d,
        'InvokeSqlCommandTask',
        {
          Identifier: id('SqlAudit'),
          DisplayName_L1: `${c.label} - SQL audit`,
          DisplayName_L2: `${fr} - Contrôle SQL après alimentation`,
          Agent: agent,
          OpenIdClient: 'Job',
          ContinueOnError: 'true',
          SQLCommand: `INSERT INTO [audit_${c.connectionStem}] SELECT GETUTCDATE(), COUNT(*) FROM [${c.connectionStem}Export_${c.entityTypes[0].table}]`,
        },
        (dd) => dep(dd, id('Notifications'), t.buildRoleModel),
      );
      steps(d, t.maintainIndexes);
    },
  );
}
