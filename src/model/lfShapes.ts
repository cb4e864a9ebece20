import { z } from 'zod';

/*
 * Lake Formation shapes in canonical form (no CatalogId). Strict: canonical builders construct them field by
 * field, so an unknown key can only come from a hand-edited or foreign snapshot and deserves a clear error.
 */

const name = z.string().min(1);
const names = z.array(z.string());
const empty = z.strictObject({});
/**
 * The path of the catalog below the default one a database or table lives in (`s3tablescatalog/bucket`), from
 * its multi-level CatalogId without the account; absent in the default catalog. Not an AWS member: requests
 * carry it back as CatalogId `account:path` (see awsResource).
 */
const catalogPath = name.optional();

function exactlyOne(keys: readonly string[]) {
  return (value: Record<string, unknown>) => keys.filter((k) => value[k] !== undefined).length === 1;
}

export const columnWildcardSchema = z.strictObject({ ExcludedColumnNames: names.optional() });

/** The members of an LF Resource; a resource sets exactly one of them. */
export const LF_RESOURCE_MEMBERS = [
  'Catalog',
  'Database',
  'Table',
  'TableWithColumns',
  'DataLocation',
  'LFTag',
  'LFTagPolicy',
  'DataCellsFilter',
] as const;

export const lfTagExpressionSchema = z.strictObject({ TagKey: name, TagValues: names });

/** LF Resource: exactly one member is set. */
export const lfResourceSchema = z
  .strictObject({
    /** The default catalog (`{}`), or a catalog below it by path (the request's Id is `account:path`). */
    Catalog: z.strictObject({ CatalogPath: catalogPath }).optional(),
    Database: z.strictObject({ Name: name, CatalogPath: catalogPath }).optional(),
    Table: z
      .strictObject({
        DatabaseName: name,
        Name: name.optional(),
        TableWildcard: empty.optional(),
        CatalogPath: catalogPath,
      })
      .refine(exactlyOne(['Name', 'TableWildcard']), 'Table needs exactly one of Name or TableWildcard')
      .optional(),
    TableWithColumns: z
      .strictObject({
        DatabaseName: name,
        Name: name,
        ColumnNames: names.optional(),
        ColumnWildcard: columnWildcardSchema.optional(),
        CatalogPath: catalogPath,
      })
      .refine(
        exactlyOne(['ColumnNames', 'ColumnWildcard']),
        'TableWithColumns needs exactly one of ColumnNames or ColumnWildcard',
      )
      .optional(),
    DataLocation: z.strictObject({ ResourceArn: name }).optional(),
    LFTag: lfTagExpressionSchema.optional(),
    LFTagPolicy: z
      .strictObject({
        ResourceType: z.enum(['DATABASE', 'TABLE']),
        Expression: z.array(lfTagExpressionSchema),
      })
      .optional(),
    DataCellsFilter: z.strictObject({ DatabaseName: name, TableName: name, Name: name }).optional(),
  })
  .refine(exactlyOne(LF_RESOURCE_MEMBERS), 'an LF resource needs exactly one member (Catalog, Database, …)');

/** TableData of a data cells filter, without TableCatalogId and VersionId. */
export const dataCellsFilterSchema = z
  .strictObject({
    DatabaseName: name,
    TableName: name,
    Name: name,
    RowFilter: z
      .strictObject({ FilterExpression: z.string().optional(), AllRowsWildcard: empty.optional() })
      .refine(exactlyOne(['FilterExpression', 'AllRowsWildcard']), 'RowFilter needs exactly one member')
      .optional(),
    ColumnNames: names.optional(),
    ColumnWildcard: columnWildcardSchema.optional(),
  })
  .refine(
    (f) => f.ColumnNames === undefined || f.ColumnWildcard === undefined,
    'a data cells filter has ColumnNames or ColumnWildcard, not both',
  );

const principal = z.strictObject({ DataLakePrincipalIdentifier: name });
const principalPermissions = z.strictObject({ Principal: principal, Permissions: names.optional() });

export const dataLakeSettingsSchema = z.strictObject({
  DataLakeAdmins: z.array(principal).optional(),
  ReadOnlyAdmins: z.array(principal).optional(),
  CreateDatabaseDefaultPermissions: z.array(principalPermissions).optional(),
  CreateTableDefaultPermissions: z.array(principalPermissions).optional(),
  TrustedResourceOwners: names.optional(),
  AllowExternalDataFiltering: z.boolean().optional(),
  AllowFullTableExternalDataAccess: z.boolean().optional(),
  ExternalDataFilteringAllowList: z.array(principal).optional(),
  AuthorizedSessionTagValueList: names.optional(),
  Parameters: z.record(z.string(), z.string()).optional(),
});

export type LfResource = z.infer<typeof lfResourceSchema>;
export type LfTagExpression = z.infer<typeof lfTagExpressionSchema>;
export type DataCellsFilterData = z.infer<typeof dataCellsFilterSchema>;
export type DataLakeSettings = z.infer<typeof dataLakeSettingsSchema>;
