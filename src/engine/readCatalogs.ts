import { canonicalCatalog } from '../model/canonical.ts';
import type { CatalogRecord } from '../model/records.ts';
import { createCatalogFilter, isCatalogPathSelected } from '../plan/filters.ts';
import type { RegionSide } from './regionSide.ts';

/** Which catalogs besides the default one a run replicates (config `source.catalogs`): all, or by path glob. */
export type CatalogSelection = '*' | readonly string[];

/** The selected catalogs of one Region, canonical: one paged GetCatalogs (Recursive) call. */
export async function readCatalogs(side: RegionSide, selection: CatalogSelection): Promise<CatalogRecord[]> {
  const catalogs = await side.glueObjects.catalogs.list();
  // The filters' own matching, so the reader, the planner and the collector agree on what is selected.
  const filter = createCatalogFilter({ catalogs: selection });
  return catalogs
    .map(canonicalCatalog)
    .filter((record) => isCatalogPathSelected(filter, record.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
