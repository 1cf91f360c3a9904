/** The files every configuration has once: agents and clients, the HR directory, the shared tasks. */
import { SHARED, SystemSpec } from './system';
import { configurationFile } from './xmlWriter';

export function agentXml(): string {
  return configurationFile('utf-8', '\n', (w) => {
    w.comment(1, "Agents, langues et client OpenID utilisés par les tâches de l'agent.");
    w.empty(1, 'Language', { Code: 'en-US', IndicatorNumber: 1 });
    w.empty(1, 'Language', { Code: 'fr-FR', IndicatorNumber: 2 });
    w.empty(1, 'Agent', { Identifier: 'Local', DisplayName_L1: 'Local agent', DisplayName_L2: 'Agent local', URI: 'https://localhost:5001' });
    w.empty(1, 'Agent', { Identifier: 'Remote', DisplayName_L1: 'Remote agent', DisplayName_L2: 'Agent distant (DMZ)', URI: 'https://agent-dmz.example.fr:5001' });
    w.empty(1, 'Profile', { Identifier: 'AgentJob', DisplayName_L1: 'Agent jobs', DisplayName_L2: "Tâches de l'agent" });
    w.empty(1, 'OpenIdClient', {
      Identifier: 'Job',
      DisplayName_L1: 'Job client',
      DisplayName_L2: 'Client des jobs',
      HashedSecret: 'K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=',
      Profile: 'AgentJob',
    });
    w.empty(1, 'Policy', { Identifier: 'Default', DisplayName_L1: 'Default policy', DisplayName_L2: 'Politique par défaut' });
  });
}

const DIRECTORY_PROPERTIES: [string, string, string][] = [
  ['Identifier', 'Identifier', 'Identifiant'],
  ['LastName', 'Last name', 'Nom'],
  ['FirstName', 'First name', 'Prénom'],
  ['Mail', 'Email', 'Adresse électronique'],
  ['Department', 'Department', 'Département'],
  ['Manager', 'Manager', 'Responsable'],
];

export function directoryXml(): string {
  return configurationFile('utf-8', '\n', (w) => {
    w.comment(1, 'Le référentiel RH : ses utilisateurs sont la source de tous les types de ressources.');
    w.empty(1, 'Connector', { Identifier: 'Directory', DisplayName_L1: 'Directory', DisplayName_L2: 'Référentiel', Agent: 'Local' });
    for (const [id, en, fr] of [
      [SHARED.directoryUser, 'User', 'Utilisateur'],
      ['Directory_Guest', 'Guest', 'Invité'],
    ]) {
      w.element(1, 'EntityType', { Identifier: id, DisplayName_L1: en, DisplayName_L2: fr }, (d) => {
        DIRECTORY_PROPERTIES.forEach(([p, pen, pfr], i) =>
          w.empty(d, 'Property', { Identifier: p, DisplayName_L1: pen, DisplayName_L2: pfr, Type: 'String', TargetColumnIndex: i + 4, IsKey: i === 0 ? 'true' : undefined }),
        );
      });
    }
  });
}

/** Tasks every connector's jobs run through Steps; lists every entity type, so it grows with the configuration. */
export function sharedTasksXml(systems: readonly SystemSpec[]): string {
  return configurationFile('utf-8', '\n', (w) => {
    w.comment(1, 'Tâches communes à tous les connecteurs, exécutées par les jobs au moyen de <Step Identifier="…"/>.');
    w.element(
      1,
      'UpdateEntityPropertyExpressionsTask',
      { Identifier: SHARED.computeAllProperties, DisplayName_L1: 'Overall - Computed properties refresh', DisplayName_L2: 'Global - Mise à jour des propriétés calculées' },
      (d) => {
        w.empty(d, 'TaskEntityType', { EntityType: SHARED.directoryUser });
        for (const s of systems) for (const c of s.connectors) for (const e of c.entityTypes) w.empty(d, 'TaskEntityType', { EntityType: e.id });
      },
    );
    w.element(
      1,
      'ComputeCorrelationKeysTask',
      { Identifier: SHARED.correlationKeys, DisplayName_L1: 'All correlation keys', DisplayName_L2: 'Toutes les clés de corrélation' },
      (d) => {
        for (const s of systems) for (const c of s.connectors) w.empty(d, 'TaskEntityType', { EntityType: c.entityTypes[0].id });
        w.empty(d, 'TaskDependsOnTask', { ParentTask: SHARED.computeAllProperties });
      },
    );
    w.element(
      1,
      'ComputeRoleModelTask',
      {
        Identifier: SHARED.directoryRoleModel,
        DisplayName_L1: 'Directory - Provisioning orders generation',
        DisplayName_L2: 'Référentiel - Préparation des ordres de provisioning',
      },
      (d) => {
        w.empty(d, 'TaskEntityType', { EntityType: SHARED.directoryUser });
        w.empty(d, 'TaskEntityType', { EntityType: 'Directory_Guest' });
      },
    );
  });
}
