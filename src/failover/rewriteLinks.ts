import type { DatabaseRecord, SnapshotRecord, TableRecord } from '../model/records.ts';

/** Where the promoted Region's links must point instead of the failed Region. */
export interface LinkRewrite {
  failedRegion: string;
  promotedRegion: string;
  /** The promoted catalog (account): a link into it must find its object there. */
  promotedAccountId: string;
  /** Catalog (account) of the failed Region → catalog in the promoted Region (accountMapping). */
  catalogs?: Record<string, string>;
}

export interface RewrittenLink {
  record: DatabaseRecord | TableRecord;
  object: string;
  change: string;
}

export interface UnrewritableLink {
  object: string;
  reason: string;
}

const linkName = (r: DatabaseRecord | TableRecord) =>
  r.kind === 'database' ? `database ${r.input.Name}` : `table ${r.databaseName}.${r.input.Name}`;

/** `arn:aws:glue:<failed>:…` → the promoted Region (and mapped account) for view sub-objects. */
function rewriteArn(arn: string, rewrite: LinkRewrite): string {
  const parts = arn.split(':');
  if (parts.length < 6 || parts[3] !== rewrite.failedRegion) return arn;
  parts[3] = rewrite.promotedRegion;
  parts[4] = rewrite.catalogs?.[parts[4]!] ?? parts[4]!;
  return parts.join(':');
}

/**
 * Pure: the databases and tables of the promoted Region whose resource link (TargetDatabase/TargetTable) or
 * view sub-objects still name the failed Region, rewritten to the promoted Region; and the links that cannot
 * be, because the object they would point to does not exist in the promoted catalog.
 */
export function planLinkRewrites(
  records: readonly SnapshotRecord[],
  rewrite: LinkRewrite,
): { rewritten: RewrittenLink[]; unrewritable: UnrewritableLink[] } {
  const databases = new Set(records.flatMap((r) => (r.kind === 'database' ? [r.input.Name] : [])));
  const tables = new Set(
    records.flatMap((r) => (r.kind === 'table' ? [`${r.databaseName}.${r.input.Name}`] : [])),
  );
  const rewritten: RewrittenLink[] = [];
  const unrewritable: UnrewritableLink[] = [];
  const catalogOf = (id: string) => rewrite.catalogs?.[id] ?? id;
  for (const record of records) {
    if (record.kind === 'database') {
      const link = record.input.TargetDatabase;
      if (link?.Region !== rewrite.failedRegion) continue;
      const catalog = catalogOf(link.CatalogId ?? rewrite.promotedAccountId);
      if (catalog === rewrite.promotedAccountId && !databases.has(link.DatabaseName ?? '')) {
        unrewritable.push({
          object: linkName(record),
          reason: `points to database ${link.DatabaseName}, which ${rewrite.promotedRegion} does not have`,
        });
        continue;
      }
      const TargetDatabase = { ...link, CatalogId: catalog, Region: rewrite.promotedRegion };
      rewritten.push({
        record: { ...record, input: { ...record.input, TargetDatabase } },
        object: linkName(record),
        change: `TargetDatabase ${rewrite.failedRegion} → ${rewrite.promotedRegion}`,
      });
    } else if (record.kind === 'table') {
      const table = rewriteTable(record, rewrite, catalogOf, tables, unrewritable);
      if (table) rewritten.push(table);
    }
  }
  return { rewritten, unrewritable };
}

function rewriteTable(
  record: TableRecord,
  rewrite: LinkRewrite,
  catalogOf: (id: string) => string,
  tables: ReadonlySet<string>,
  unrewritable: UnrewritableLink[],
): RewrittenLink | undefined {
  const link = record.input.TargetTable;
  const changes: string[] = [];
  let input = record.input;
  if (link?.Region === rewrite.failedRegion) {
    const catalog = catalogOf(link.CatalogId ?? rewrite.promotedAccountId);
    const wanted = `${link.DatabaseName}.${link.Name}`;
    if (catalog === rewrite.promotedAccountId && !tables.has(wanted)) {
      unrewritable.push({
        object: linkName(record),
        reason: `points to table ${wanted}, which ${rewrite.promotedRegion} does not have`,
      });
      return undefined;
    }
    input = { ...input, TargetTable: { ...link, CatalogId: catalog, Region: rewrite.promotedRegion } };
    changes.push(`TargetTable ${rewrite.failedRegion} → ${rewrite.promotedRegion}`);
  }
  const subObjects = input.ViewDefinition?.SubObjects;
  if (subObjects?.some((arn) => rewriteArn(arn, rewrite) !== arn)) {
    const SubObjects = subObjects.map((arn) => rewriteArn(arn, rewrite));
    input = { ...input, ViewDefinition: { ...input.ViewDefinition, SubObjects } };
    changes.push(`view sub-objects ${rewrite.failedRegion} → ${rewrite.promotedRegion}`);
  }
  if (changes.length === 0) return undefined;
  return { record: { ...record, input }, object: linkName(record), change: changes.join(', ') };
}
