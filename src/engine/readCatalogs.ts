import { canonicalCatalog } from '../model/canonical.ts';
import type { CatalogRecord } from '../model/records.ts';
import { globToRegExp } from '../plan/filters.ts';
import type { RegionSide } from './regionSide.ts';

/** Which catalogs besides the default one a run replicates (config `source.catalogs`): all, or by path glob. */
export type CatalogSelection = '*' | readonly string[];

/** Whether a catalog path is selected; a child of a selected catalog is selected with it. */
export function isCatalogSelected(selection: CatalogSelection, path: string): boolean {
  if (selection === '*') return true;
  return selection.some((glob) => {
    const pattern = globToRegExp(glob);
    return path.split('/').some((_, i, parts) => pattern.test(parts.slice(0, i + 1).join('/')));
  });
}

/** The selected catalogs of one Region, canonical: one paged GetCatalogs (Recursive) call. */
export async function readCatalogs(side: RegionSide, selection: CatalogSelection): Promise<CatalogRecord[]> {
  const catalogs = await side.glueObjects.catalogs.list();
  return catalogs
    .map(canonicalCatalog)
    .filter((record) => isCatalogSelected(selection, record.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
