import type { Catalog } from '@aws-sdk/client-glue';
import { z } from 'zod';
import { catalogInputSchema } from './catalogShapes.ts';
import { LakemirrorError } from './errors.ts';
import { compareKeys } from './keys.ts';
import { pruneEmpty, sortedSet } from './prune.ts';
import type { CatalogRecord } from './records.ts';

/**
 * A catalog's path below the account's default catalog, from its multi-level CatalogId
 * (`123456789012:s3tablescatalog/bucket` → `s3tablescatalog/bucket`); undefined for the default catalog.
 */
export function catalogPath(catalogId: string): string | undefined {
  const separator = catalogId.indexOf(':');
  return separator < 0 ? undefined : catalogId.slice(separator + 1);
}

type Permissions = NonNullable<z.infer<typeof catalogInputSchema>['CreateTableDefaultPermissions']>;

const sortedPermissions = (list: Permissions | undefined): Permissions | undefined =>
  list
    ?.map((entry) => ({ ...entry, Permissions: sortedSet(entry.Permissions) }))
    .sort((a, b) =>
      compareKeys(
        a.Principal?.DataLakePrincipalIdentifier ?? '',
        b.Principal?.DataLakePrincipalIdentifier ?? '',
      ),
    );

/**
 * A GetCatalogs entry as a record: its CatalogInput only (CatalogId, Name, ResourceArn, times and the
 * output-only access properties dropped; IcebergOptimizationProperties are not kept), empties dropped.
 */
export function canonicalCatalog(catalog: Catalog): CatalogRecord {
  const path = catalog.CatalogId ? catalogPath(catalog.CatalogId) : undefined;
  const parsed = catalogInputSchema.safeParse(pruneEmpty(catalog));
  if (!path || !parsed.success) {
    throw new LakemirrorError({
      code: 'model.invalidObject',
      source: 'aws',
      object: `catalog ${catalog.CatalogId ?? catalog.Name ?? '?'}`,
      message: parsed.success
        ? `Glue returned catalog ${catalog.Name ?? '?'} without a multi-level CatalogId`
        : `Glue returned catalog ${catalog.Name ?? '?'} in a shape lakemirror cannot replicate: ${z.prettifyError(parsed.error).replace(/\n\s*/g, ' ')}`,
      fix: 'Check the catalog with `aws glue get-catalog`, or report a bug with the entry shown.',
    });
  }
  const input = parsed.data;
  const table = sortedPermissions(input.CreateTableDefaultPermissions);
  const database = sortedPermissions(input.CreateDatabaseDefaultPermissions);
  return {
    kind: 'catalog',
    name: path,
    input: pruneEmpty({
      ...input,
      ...(table ? { CreateTableDefaultPermissions: table } : {}),
      ...(database ? { CreateDatabaseDefaultPermissions: database } : {}),
    }),
  };
}
