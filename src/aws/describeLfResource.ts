import type { Resource } from '@aws-sdk/client-lakeformation';

/** Names a Lake Formation resource for error messages, e.g. `table sales.orders in us-west-2`. */
export function describeLfResource(resource: Resource, region: string): string {
  const r = resource;
  let what = 'resource';
  if (r.Table) what = `table ${r.Table.DatabaseName}.${r.Table.Name ?? '*'}`;
  else if (r.TableWithColumns)
    what = `columns of ${r.TableWithColumns.DatabaseName}.${r.TableWithColumns.Name}`;
  else if (r.Database) what = `database ${r.Database.Name}`;
  else if (r.DataLocation) what = `location ${r.DataLocation.ResourceArn}`;
  else if (r.DataCellsFilter)
    what = `data cells filter ${r.DataCellsFilter.DatabaseName}.${r.DataCellsFilter.TableName}.${r.DataCellsFilter.Name}`;
  else if (r.LFTag) what = `LF-Tag ${r.LFTag.TagKey}`;
  else if (r.LFTagPolicy) what = `LF-Tag policy on ${r.LFTagPolicy.ResourceType}`;
  else if (r.Catalog) what = 'catalog';
  return `${what} in ${region}`;
}
