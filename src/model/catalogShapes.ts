import { z } from 'zod';

/*
 * A Glue catalog other than the account's default one, as lakemirror keeps it: the CatalogInput that
 * CreateCatalog takes (glue-2017-03-31), without what the service manages (CatalogId, ResourceArn, times, the
 * output-only DataLakeAccessProperties members).
 */

const name = z.string().min(1);
const parameters = z.record(z.string(), z.string());
const principalPermissions = z.object({
  Principal: z.object({ DataLakePrincipalIdentifier: z.string().optional() }).optional(),
  Permissions: z.array(z.string()).optional(),
});

export const catalogInputSchema = z.object({
  Description: z.string().optional(),
  FederatedCatalog: z
    .object({ Identifier: z.string().optional(), ConnectionName: z.string().optional() })
    .optional(),
  Parameters: parameters.optional(),
  TargetRedshiftCatalog: z.object({ CatalogArn: name }).optional(),
  CatalogProperties: z
    .object({
      DataLakeAccessProperties: z
        .object({
          DataLakeAccess: z.boolean().optional(),
          DataTransferRole: z.string().optional(),
          KmsKey: z.string().optional(),
          CatalogType: z.string().optional(),
        })
        .optional(),
      CustomProperties: parameters.optional(),
    })
    .optional(),
  CreateTableDefaultPermissions: z.array(principalPermissions).optional(),
  CreateDatabaseDefaultPermissions: z.array(principalPermissions).optional(),
  AllowFullTableExternalDataAccess: z.enum(['True', 'False']).optional(),
});
export type CatalogInputShape = z.infer<typeof catalogInputSchema>;

/** The connection Glue reserves for S3 Tables federation (`s3tablescatalog` and its per-bucket catalogs). */
export const S3_TABLES_CONNECTION = 'aws:s3tables';
