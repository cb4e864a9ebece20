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
  /**
   * Verify: a federated catalog on a connection of the account's own, missing in the target, is reported
   * skipped instead of drift. Connections are never read, so whether the target has it is not known; sync
   * attempts the catalog and reports it skipped when CreateCatalog answers that the connection is missing.
   */
  connectionCatalogsUnknown?: boolean;
  /** Told of each source catalog left out, with the reason. */
  onSkipped?: (skipped: SkippedObject) => void;
}

/** Connections Glue runs federations through itself: no connection of that name exists in the account. */
const RESERVED_CONNECTIONS = new Set([S3_TABLES_CONNECTION, 'aws:redshift']);

const parentOf = (name: string) => (name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : undefined);

export const S3_TABLES_REASON =
  'an S3 Tables catalog: its tables are replicated by S3 Tables replication (the S3 Tables integration makes the catalog in the target Region); Lake Formation grants on its databases and tables are replicated';

/** Why the target's CreateCatalog refused a federated catalog whose connection it lacks (see applyCatalogs). */
export function connectionMissingReason(connection: string): string {
  return `its connection ${connection} does not exist in the target Region; create it there (lakemirror does not read or copy connections: they hold credentials and network settings)`;
}

/** The connection of the account's own a federated catalog needs, or undefined (none, or one Glue reserves). */
export function ownConnectionOf(record: CatalogRecord): string | undefined {
  const connection = record.input.FederatedCatalog?.ConnectionName;
  return connection === undefined || RESERVED_CONNECTIONS.has(connection) ? undefined : connection;
}

/**
 * Why a source catalog cannot be created in the target, or undefined when it may be. Pure: whether the target
 * has a federated catalog's connection is learnt only when sync attempts the catalog.
 */
export function catalogSkipReason(
  record: CatalogRecord,
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
  const inTarget = new Set(target.map((r) => r.name));
  for (const record of [...source].sort((a, b) => a.name.length - b.name.length)) {
    const connection = ownConnectionOf(record);
    const unknown = options.connectionCatalogsUnknown && connection && !inTarget.has(record.name);
    const reason = unknown
      ? `not verified: lakemirror does not read connections, so whether the target has connection ${connection} (sync skips the catalog when it does not) is not known`
      : catalogSkipReason(record, skipped);
    if (reason === undefined) continue;
    skipped.add(record.name);
    options.onSkipped?.({ kind: 'catalog', key: record.name, reason });
  }
  const kept = (records: readonly CatalogRecord[]) => records.filter((r) => !skipped.has(r.name));
  return diffByKey('catalog', kept(source), kept(target), options);
}
