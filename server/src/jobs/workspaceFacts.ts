/**
 * What job scaffoldings and job generation read of the workspace: connectors with their agent,
 * connections (and what their packages can do), entity types (EntityTypeMapping) and resource
 * types. Read from the hand-written definitions of the index only, never from generated ones.
 */
import type { Definition } from '../index/fileEntry';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { ACTIVE_DIRECTORY_PACKAGE, connectionPackage } from '../schema/schema';
import { isTrue } from '../rules/values';

export interface ConnectionFacts {
  id: string;
  package?: string;
  /** From the package's documentation page; undefined when the package is unknown or the page is silent. */
  canExport?: boolean;
  canFulfill?: boolean;
  incremental?: boolean;
  /** `DeactivationExportFulfill="Export"` (or 1) / `"Fulfill"` (or 2). */
  exportOff: boolean;
  fulfillOff: boolean;
  isActiveDirectory: boolean;
}

export interface ResourceTypeFacts {
  id: string;
  source?: string;
  target?: string;
}

export interface ConnectorFacts {
  id: string;
  /** DisplayName_L1, or the identifier. */
  name: string;
  agent?: string;
  completeJob?: string;
  incrementalJob?: string;
  deactivated: boolean;
  /** In ordinal order of their identifiers, as the product lists them. */
  connections: ConnectionFacts[];
  /** Entity types mapped from the connector (EntityTypeMapping), in the order found. */
  entityTypes: string[];
  /** Resource types whose target entity type is one of the connector's. */
  resourceTypes: ResourceTypeFacts[];
}

export interface WorkspaceFacts {
  connector(id: string): ConnectorFacts | undefined;
  /** Every connector, in ordinal order of the identifiers. */
  connectors(): ConnectorFacts[];
  /** The source entity types of every resource type, in ordinal order. */
  sourceEntityTypes(): string[];
}

/** `Export`/`1`, `Fulfill`/`2`: the values of DeactivationExportFulfill. */
function deactivation(value: string | undefined): { exportOff: boolean; fulfillOff: boolean } {
  const v = value?.trim();
  return { exportOff: v === 'Export' || v === '1', fulfillOff: v === 'Fulfill' || v === '2' };
}

export function connectionFacts(d: Definition): ConnectionFacts {
  const pkg = d.attrs?.Package?.trim() || undefined;
  const caps = pkg ? connectionPackage(pkg) : undefined;
  return {
    id: d.id,
    package: pkg,
    canExport: caps?.export ?? undefined,
    canFulfill: caps?.fulfill ?? undefined,
    incremental: caps?.incremental ?? undefined,
    ...deactivation(d.attrs?.DeactivationExportFulfill),
    isActiveDirectory: pkg === ACTIVE_DIRECTORY_PACKAGE,
  };
}

export function ordinal(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The facts of the index as it is now (built once per call: callers keep them per index generation). */
export function readWorkspaceFacts(index: WorkspaceIndex): WorkspaceFacts {
  const connectors = new Map<string, ConnectorFacts>();
  index.forOwnDefinitions('Connector', (defs) => {
    const d = defs[0];
    connectors.set(d.id, {
      id: d.id,
      name: d.displayName?.trim() || d.id,
      agent: d.attrs?.Agent?.trim() || undefined,
      completeJob: d.attrs?.CompleteJob?.trim() || undefined,
      incrementalJob: d.attrs?.IncrementalJob?.trim() || undefined,
      deactivated: isTrue(d.attrs?.IsDeactivated),
      connections: [],
      entityTypes: [],
      resourceTypes: [],
    });
  });
  index.forOwnDefinitions('Connection', (defs) => {
    const connector = connectors.get(defs[0].attrs?.Connector?.trim() ?? '');
    connector?.connections.push(connectionFacts(defs[0]));
  });
  const connectorOfEntityType = new Map<string, ConnectorFacts[]>();
  for (const entry of index.allFiles()) {
    for (const m of entry.mappings) {
      const connector = connectors.get(m.connector);
      if (!connector || connector.entityTypes.includes(m.entityType)) continue;
      connector.entityTypes.push(m.entityType);
      const list = connectorOfEntityType.get(m.entityType) ?? [];
      list.push(connector);
      connectorOfEntityType.set(m.entityType, list);
    }
  }
  const sources = new Set<string>();
  index.forOwnDefinitions('ResourceType', (defs) => {
    const d = defs[0];
    const rt: ResourceTypeFacts = { id: d.id, source: d.attrs?.SourceEntityType?.trim() || undefined, target: d.attrs?.TargetEntityType?.trim() || undefined };
    if (rt.source) sources.add(rt.source);
    for (const c of connectorOfEntityType.get(rt.target ?? '') ?? []) c.resourceTypes.push(rt);
  });
  const sorted = [...connectors.values()].sort((a, b) => ordinal(a.id, b.id));
  for (const c of sorted) {
    c.connections.sort((a, b) => ordinal(a.id, b.id));
    c.resourceTypes.sort((a, b) => ordinal(a.id, b.id));
  }
  const allSources = [...sources].sort(ordinal);
  return { connector: (id) => connectors.get(id.trim()), connectors: () => sorted, sourceEntityTypes: () => allSources };
}
