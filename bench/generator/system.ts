/**
 * One "system": a folder holding a family's connectors for a few sites, written as three files
 * that reference each other — `<S> Connectors.xml` (connectors, connections, entity types,
 * mappings, resource types), `<S> Tasks.xml` (tasks declared once and run through Steps), both
 * here, and `<S> Jobs.xml` (jobs.ts). Shared tasks and the HR directory live in other folders.
 */
import { Random } from './random';
import { ENTITY_KINDS, FRENCH_NOTES, Family, PROPERTIES } from './vocabulary';
import { XmlWriter, configurationFile } from './xmlWriter';

export interface EntityTypeSpec {
  id: string;
  en: string;
  fr: string;
  /** Property identifiers, the first one is the key. */
  properties: string[];
  table: string;
}

export interface ConnectorSpec {
  /** Connector identifier and prefix of every identifier of the connector, e.g. `SAP017_Lyon`. */
  id: string;
  /** Connections cannot contain '_': `SAP017Lyon`. */
  connectionStem: string;
  label: string;
  site: string;
  entityTypes: EntityTypeSpec[];
}

export interface SystemSpec {
  family: Family;
  folder: string;
  agent: string;
  connectors: ConnectorSpec[];
}

/** Identifiers the other files (shared tasks, the bench probes) need to know. */
export const SHARED = {
  computeAllProperties: 'All_ComputeAllProperties',
  correlationKeys: 'All_CorrelationKeys',
  directoryRoleModel: 'Directory_ComputeRoleModel',
  directoryUser: 'Directory_User',
};

const PROPERTY_BY_ID = new Map(PROPERTIES.map((p) => [p[0], p]));

function propertyLabels(id: string): [string, string, string] {
  const known = PROPERTY_BY_ID.get(id);
  if (known) return [known[1], known[2], known[3]];
  const n = /(\d+)$/.exec(id)?.[1] ?? '';
  return [`Extension attribute ${n}`, `Attribut d'extension n° ${n}`, 'String'];
}

function propertyIds(count: number): string[] {
  const out = PROPERTIES.slice(0, Math.min(count, PROPERTIES.length)).map((p) => p[0]);
  for (let i = 1; out.length < count; i++) out.push(`extensionAttribute${i}`);
  return out;
}

export function planSystem(rnd: Random, family: Family, number: number, connectorCount: number, usersProperties: () => number, sites: readonly [string, string][]): SystemSpec {
  const folder = `${family.name}${String(number).padStart(3, '0')}`;
  const chosen = rnd.sample(sites, connectorCount);
  const connectors = chosen.map(([siteId, site]) => {
    const id = `${folder}_${siteId}`;
    const entityTypes = ENTITY_KINDS.slice(0, rnd.int(2, 3)).map(([kind, en, fr], k) => ({
      id: `${id}_${kind}`,
      en: `${family.label} ${site} ${en}`,
      fr: `${fr === 'rôle' ? 'Rôle' : fr[0].toUpperCase() + fr.slice(1)} ${family.label} (${site})`,
      properties: propertyIds(k === 0 ? usersProperties() : rnd.int(8, 30)),
      table: `${en}s`,
    }));
    return { id, connectionStem: `${folder}${siteId}`, label: `${family.label} ${site}`, site, entityTypes };
  });
  return { family, folder, agent: rnd.chance(0.8) ? 'Local' : 'Remote', connectors };
}

// ---- <S> Connectors.xml ------------------------------------------------------------------

export function connectorsXml(sys: SystemSpec, encoding: string, eol: string): string {
  return configurationFile(encoding, eol, (w) => {
    w.comment(1, `${sys.folder} : connecteurs ${sys.family.label} des sites ${sys.connectors.map((c) => c.site).join(', ')}.`);
    for (const c of sys.connectors) {
      w.blank();
      w.empty(1, 'Connector', {
        Identifier: c.id,
        DisplayName_L1: c.label,
        DisplayName_L2: `${sys.family.label} - site de ${c.site}`,
        Agent: sys.agent,
        MaxPercentageDeletedLines: 20,
      });
      w.empty(1, 'Connection', { Identifier: `${c.connectionStem}Export`, DisplayName_L1: `${c.label} export`, Connector: c.id, Package: sys.family.exportPackage });
      w.empty(1, 'Connection', { Identifier: `${c.connectionStem}Fulfillment`, DisplayName_L1: `${c.label} fulfillment`, Connector: c.id, Package: sys.family.fulfillPackage });
      for (const et of c.entityTypes) entityType(w, c, et);
      const user = c.entityTypes[0];
      const rt = `${user.id}_Nominative`;
      w.element(
        1,
        'ResourceType',
        {
          Identifier: rt,
          DisplayName_L1: `${c.label} nominative account`,
          DisplayName_L2: `Compte nominatif ${sys.family.label} (${c.site})`,
          Policy: 'Default',
          SourceEntityType: SHARED.directoryUser,
          TargetEntityType: user.id,
          AllowAdd: 'true',
          AllowRemove: 'true',
        },
        (d) => {
          for (const p of user.properties.slice(0, 6)) w.empty(d, 'ScalarRule', { Property: p, Binding: p === 'login' ? 'Identifier' : 'Mail', Policy: 'Default' });
        },
      );
      w.empty(1, 'ResourceTypeMapping', { Identifier: rt, Connection: `${c.connectionStem}Fulfillment` });
    }
  });
}

function entityType(w: XmlWriter, c: ConnectorSpec, et: EntityTypeSpec): void {
  w.blank();
  w.element(1, 'EntityType', { Identifier: et.id, DisplayName_L1: et.en, DisplayName_L2: et.fr }, (d) => {
    et.properties.forEach((p, i) => {
      const [en, fr, type] = propertyLabels(p);
      w.empty(d, 'Property', { Identifier: p, DisplayName_L1: en, DisplayName_L2: fr, Type: type, TargetColumnIndex: i + 4, IsKey: i === 0 ? 'true' : undefined });
    });
  });
  w.element(1, 'EntityTypeMapping', { Identifier: et.id, Connector: c.id, ConnectionTable: `${c.connectionStem}Export_${et.table}` }, (d) => {
    et.properties.forEach((p, i) => {
      w.empty(d, 'Property', { Identifier: p, ConnectionColumn: p, IsPrimaryKey: i === 0 ? 'true' : undefined, IsUniqueKey: i === 1 ? 'true' : undefined });
    });
  });
}

// ---- <S> Tasks.xml -----------------------------------------------------------------------

/** Tasks of a connector declared outside any job; the jobs run them through Steps. */
export function taskIds(c: ConnectorSpec) {
  return {
    computeRoleModel: `${c.id}_ComputeRoleModel`,
    savePreExisting: `${c.id}_SavePreExistingAccessRights`,
    buildRoleModel: `${c.id}_BuildRoleModel`,
    maintainIndexes: `${c.id}_MaintainIndexes`,
    createViews: `${c.id}_CreateDatabaseViews`,
    sqlPurge: `${c.id}_Sql_Purge`,
    sqlReport: `${c.id}_Sql_Report`,
  };
}

export function tasksXml(sys: SystemSpec, rnd: Random, encoding: string, eol: string): string {
  const agent = sys.agent;
  return configurationFile(encoding, eol, (w) => {
    w.comment(1, `${sys.folder} : ${FRENCH_NOTES[2]}.`);
    for (const c of sys.connectors) {
      const t = taskIds(c);
      const fr = `${sys.family.label} ${c.site}`;
      w.blank();
      w.element(
        1,
        'ComputeRoleModelTask',
        { Identifier: t.computeRoleModel, DisplayName_L1: `${c.label} - Role model computation`, DisplayName_L2: `${fr} - Calcul du modèle de rôles`, Connector: c.id },
        (d) => {
          w.empty(d, 'TaskEntityType', { EntityType: SHARED.directoryUser });
        },
      );
      w.element(
        1,
        'BuildRoleModelTask',
        { Identifier: t.buildRoleModel, DisplayName_L1: `${c.label} - Build role model`, DisplayName_L2: `${fr} - Construction du modèle de rôles`, Connector: c.id },
        (d) => {
          w.empty(d, 'TaskDependsOnTask', { ParentTask: t.computeRoleModel });
        },
      );
      w.empty(1, 'SavePreExistingAccessRightsTask', {
        Identifier: t.savePreExisting,
        DisplayName_L1: `${c.label} - Save pre-existing access rights`,
        DisplayName_L2: `${fr} - Sauvegarde des droits préexistants`,
      });
      w.empty(1, 'MaintainIndexesTask', {
        Identifier: t.maintainIndexes,
        DisplayName_L1: `${c.label} - Index maintenance`,
        DisplayName_L2: `${fr} - Maintenance des index`,
        RebuildThreshold: 60,
        ReorganizeThreshold: 15,
        ContinueOnError: 'true',
      });
      w.empty(1, 'CreateDatabaseViewsTask', {
        Identifier: t.createViews,
        DisplayName_L1: `${c.label} - Database views`,
        DisplayName_L2: `${fr} - Création des vues`,
        Agent: agent,
        OpenIdClient: 'Job',
      });
      for (const [id, verb, fr2] of [
        [t.sqlPurge, 'Purge', 'Purge des lignes obsolètes'],
        [t.sqlReport, 'Report', 'Rapport de contrôle'],
      ] as const) {
        const tables = c.entityTypes.map((e) => `[${c.connectionStem}Export_${e.table}]`);
        w.empty(1, 'InvokeSqlCommandTask', {
          Identifier: id,
          DisplayName_L1: `${c.label} - SQL ${verb.toLowerCase()}`,
          DisplayName_L2: `${fr} - ${fr2}`,
          Agent: agent,
          OpenIdClient: 'Job',
          ContinueOnError: 'true',
          Timeout: rnd.int(60, 900),
          SQLCommand: `${verb === 'Purge' ? 'DELETE FROM' : 'SELECT COUNT(*) FROM'} ${tables.join(verb === 'Purge' ? '; DELETE FROM ' : ' UNION ALL SELECT COUNT(*) FROM ')} WHERE ValidTo < DATEADD(day, -${rnd.int(30, 400)}, GETUTCDATE())`,
        });
      }
      for (const et of c.entityTypes) {
        w.element(
          1,
          'UpdateEntityPropertyExpressionsTask',
          { Identifier: `${et.id}_Expressions`, DisplayName_L1: `${et.en} - Computed properties`, DisplayName_L2: `${et.fr} - Propriétés calculées`, Connector: c.id },
          (d) => {
            w.empty(d, 'TaskEntityType', { EntityType: et.id });
          },
        );
        w.element(
          1,
          'ComputeCorrelationKeysTask',
          { Identifier: `${et.id}_CorrelationKeys`, DisplayName_L1: `${et.en} - Correlation keys`, DisplayName_L2: `${et.fr} - Clés de corrélation`, Connector: c.id },
          (d) => {
            w.empty(d, 'TaskEntityType', { EntityType: et.id });
            w.empty(d, 'TaskDependsOnTask', { ParentTask: `${et.id}_Expressions` });
          },
        );
      }
    }
  });
}
