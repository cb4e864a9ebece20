import { S3_TABLES_CONNECTION } from '../model/catalogShapes.ts';
import type { CatalogRecord } from '../model/records.ts';
import type { ActionOf } from './actions.ts';
import { diffByKey, type KindPlanOptions } from './diffByKey.ts';

/** A source object the plan leaves out on purpose, and why (the sync report lists them; never a failure). */
export interface SkippedObject {
  kind: 'catalog';
  key: string;
  reason: string;
}

export interface CatalogPlanOptions extends KindPlanOptions {
  /** The target Region's connections among those the source's federated catalogs name. */
  targetConnections?: ReadonlySet<string>;
  /** Told of each source catalog left out, with the reason. */
  onSkipped?: (skipped: SkippedObject) => void;
}

/** Connections Glue runs federations through itself: no connection of that name exists in the account. */
const RESERVED_CONNECTIONS = new Set([S3_TABLES_CONNECTION, 'aws:redshift']);

const parentOf = (name: string) => (name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : undefined);

export const S3_TABLES_REASON =
  'an S3 Tables catalog: its tables are replicated by S3 Tables replication (the S3 Tables integration makes the catalog in the target Region)';

/**
 * Why a source catalog cannot be created in the target, or undefined when it can. Pure: what the target
 * Region has is told through `targetConnections`.
 */
export function catalogSkipReason(
  record: CatalogRecord,
  targetConnections: ReadonlySet<string>,
  skippedParents: ReadonlySet<string>,
): string | undefined {
  const connection = record.input.FederatedCatalog?.ConnectionName;
  if (connection === S3_TABLES_CONNECTION || record.name.split('/')[0] === 's3tablescatalog')
    return S3_TABLES_REASON;
  const parent = parentOf(record.name);
  if (parent !== undefined && skippedParents.has(parent)) return `its parent catalog ${parent} is skipped`;
  if (
    record.input.TargetRedshiftCatalog ||
    record.input.CatalogProperties?.DataLakeAccessProperties?.DataLakeAccess
  )
    return 'a Redshift catalog: its data lives in Redshift (managed storage or a namespace) of the source Region, which metadata replication cannot copy';
  if (connection !== undefined && !RESERVED_CONNECTIONS.has(connection) && !targetConnections.has(connection))
    return `its connection ${connection} does not exist in the target Region; create it there (lakemirror does not copy connections: they hold credentials and network settings)`;
  return undefined;
}

/**
 * Catalogs: the source's that can exist in the target are created from their CatalogInput, the others are
 * reported skipped and left alone on both sides (a skipped catalog the target has is never deleted).
 * Parents sort before their children, so a parent's verdict is known when its children are judged.
 */
export function planCatalogs(
  source: readonly CatalogRecord[],
  target: readonly CatalogRecord[],
  options: CatalogPlanOptions,
): ActionOf<'catalog'>[] {
  const skipped = new Set<string>();
  const connections = options.targetConnections ?? new Set<string>();
  for (const record of [...source].sort((a, b) => a.name.length - b.name.length)) {
    const reason = catalogSkipReason(record, connections, skipped);
    if (reason === undefined) continue;
    skipped.add(record.name);
    options.onSkipped?.({ kind: 'catalog', key: record.name, reason });
  }
  const kept = (records: readonly CatalogRecord[]) => records.filter((r) => !skipped.has(r.name));
  return diffByKey('catalog', kept(source), kept(target), options);
}
