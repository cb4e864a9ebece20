import type { DatabaseRecord, TableRecord } from '../../model/records.ts';
import type { DrillCheck } from '../../report/reportTypes.ts';

/** One resource link and what it points at. */
export interface LinkTarget {
  link: string;
  region?: string;
  catalogId?: string;
  databaseName: string;
  tableName?: string;
}

/** The resource links among the target's databases and tables (pure). */
export function linkTargets(
  databases: readonly DatabaseRecord[],
  tables: readonly TableRecord[],
): LinkTarget[] {
  const links: LinkTarget[] = [];
  for (const db of databases) {
    const to = db.input.TargetDatabase;
    if (!to?.DatabaseName) continue;
    links.push({ link: `database ${db.input.Name}`, databaseName: to.DatabaseName, ...pick(to) });
  }
  for (const t of tables) {
    const to = t.input.TargetTable;
    if (!to?.DatabaseName || !to.Name) continue;
    links.push({
      link: `table ${t.databaseName}.${t.input.Name}`,
      databaseName: to.DatabaseName,
      tableName: to.Name,
      ...pick(to),
    });
  }
  return links;
}

function pick(to: { Region?: string; CatalogId?: string }): { region?: string; catalogId?: string } {
  return {
    ...(to.Region ? { region: to.Region } : {}),
    ...(to.CatalogId ? { catalogId: to.CatalogId } : {}),
  };
}

/** Looks a link's target up: `true` when it exists. */
export type ResolveLink = (target: LinkTarget, region: string) => Promise<boolean>;

/**
 * Usability: every resource link in the target resolves, i.e. the database or table it names exists in
 * the named Region and catalog (the target's own when the link names none).
 */
export async function checkResourceLinks(
  region: string,
  links: readonly LinkTarget[],
  resolve: ResolveLink,
): Promise<DrillCheck> {
  const name = `${region}: resource links resolve`;
  if (links.length === 0) return { name, status: 'skipped', detail: `No resource links in ${region}.` };
  const failures: string[] = [];
  for (const link of links) {
    const where = link.region ?? region;
    const what = `${link.catalogId ? `${link.catalogId}:` : ''}${link.databaseName}${link.tableName ? `.${link.tableName}` : ''}`;
    try {
      if (!(await resolve(link, where))) failures.push(`${link.link} → ${what} in ${where}: does not exist`);
    } catch (error) {
      failures.push(`${link.link} → ${what} in ${where}: ${(error as Error).message}`);
    }
  }
  const detail = `${links.length} resource link${links.length === 1 ? '' : 's'} looked up with GetDatabase/GetTable.`;
  if (failures.length === 0) return { name, status: 'pass', detail };
  return {
    name,
    status: 'fail',
    detail,
    fix: 'replicate what the link points at (include its database in `filters`), or, for a link into another account or Region, share that database with the target account (Lake Formation / AWS RAM) or recreate the link to point at the replica',
    failures,
  };
}
