import { z } from 'zod';

/*
 * Allow-lists of the Glue *input* shapes (what Create/Update accept). These objects strip unknown keys instead
 * of rejecting them: a Get answer carries server fields (CreateTime, VersionId, …) that canonicalization drops.
 */

const parameters = z.record(z.string(), z.string());

/** Glue Column; order of columns is meaningful and kept. */
export const columnSchema = z.object({
  Name: z.string(),
  Type: z.string().optional(),
  Comment: z.string().optional(),
  Parameters: parameters.optional(),
});

export const serdeInfoSchema = z.object({
  Name: z.string().optional(),
  SerializationLibrary: z.string().optional(),
  Parameters: parameters.optional(),
});

export const storageDescriptorSchema = z.object({
  Columns: z.array(columnSchema).optional(),
  Location: z.string().optional(),
  AdditionalLocations: z.array(z.string()).optional(),
  InputFormat: z.string().optional(),
  OutputFormat: z.string().optional(),
  Compressed: z.boolean().optional(),
  NumberOfBuckets: z.number().optional(),
  SerdeInfo: serdeInfoSchema.optional(),
  BucketColumns: z.array(z.string()).optional(),
  SortColumns: z.array(z.object({ Column: z.string(), SortOrder: z.number() })).optional(),
  Parameters: parameters.optional(),
  SkewedInfo: z
    .object({
      SkewedColumnNames: z.array(z.string()).optional(),
      SkewedColumnValues: z.array(z.string()).optional(),
      SkewedColumnValueLocationMaps: parameters.optional(),
    })
    .optional(),
  StoredAsSubDirectories: z.boolean().optional(),
  SchemaReference: z
    .object({
      SchemaId: z
        .object({
          SchemaArn: z.string().optional(),
          SchemaName: z.string().optional(),
          RegistryName: z.string().optional(),
        })
        .optional(),
      SchemaVersionId: z.string().optional(),
      SchemaVersionNumber: z.number().optional(),
    })
    .optional(),
});

/** ViewDefinitionInput minus the fields Glue manages (version ids, statistics, staleness). */
export const viewDefinitionSchema = z.object({
  IsProtected: z.boolean().optional(),
  Definer: z.string().optional(),
  Representations: z
    .array(
      z.object({
        Dialect: z.string().optional(),
        DialectVersion: z.string().optional(),
        ViewOriginalText: z.string().optional(),
        ViewExpandedText: z.string().optional(),
        ValidationConnection: z.string().optional(),
      }),
    )
    .optional(),
  SubObjects: z.array(z.string()).optional(),
  RefreshSeconds: z.number().optional(),
});

export const tableInputSchema = z.object({
  Name: z.string().min(1),
  Description: z.string().optional(),
  Owner: z.string().optional(),
  Retention: z.number().optional(),
  StorageDescriptor: storageDescriptorSchema.optional(),
  PartitionKeys: z.array(columnSchema).optional(),
  ViewOriginalText: z.string().optional(),
  ViewExpandedText: z.string().optional(),
  TableType: z.string().optional(),
  Parameters: parameters.optional(),
  /** Present on resource links: the table this link points to. */
  TargetTable: z
    .object({
      CatalogId: z.string().optional(),
      DatabaseName: z.string().optional(),
      Name: z.string().optional(),
      Region: z.string().optional(),
    })
    .optional(),
  ViewDefinition: viewDefinitionSchema.optional(),
});

export const principalPermissionsSchema = z.object({
  Principal: z.object({ DataLakePrincipalIdentifier: z.string() }),
  Permissions: z.array(z.string()).optional(),
});

export const databaseInputSchema = z.object({
  Name: z.string().min(1),
  Description: z.string().optional(),
  LocationUri: z.string().optional(),
  Parameters: parameters.optional(),
  CreateTableDefaultPermissions: z.array(principalPermissionsSchema).optional(),
  /** Present on resource links: the database this link points to. */
  TargetDatabase: z
    .object({
      CatalogId: z.string().optional(),
      DatabaseName: z.string().optional(),
      Region: z.string().optional(),
    })
    .optional(),
});

export const partitionInputSchema = z.object({
  Values: z.array(z.string()).min(1),
  StorageDescriptor: storageDescriptorSchema.optional(),
  Parameters: parameters.optional(),
});

export type ColumnInput = z.infer<typeof columnSchema>;
export type StorageDescriptorInput = z.infer<typeof storageDescriptorSchema>;
export type TableInput = z.infer<typeof tableInputSchema>;
export type DatabaseInput = z.infer<typeof databaseInputSchema>;
export type PartitionInput = z.infer<typeof partitionInputSchema>;
export type PrincipalPermissions = z.infer<typeof principalPermissionsSchema>;
