import { z } from 'zod';
import { glue } from './awsLimits.ts';

/*
 * Allow-lists of the Glue *input* shapes (what Create/Update accept). These objects strip unknown keys instead
 * of rejecting them: a Get answer carries server fields (CreateTime, VersionId, …) that canonicalization drops.
 * The fields carry the Glue API model's length and pattern constraints (awsLimits.ts).
 */

const parameters = glue.parameters;

/** Glue Column; order of columns is meaningful and kept. */
export const columnSchema = z.object({
  Name: glue.name,
  Type: glue.columnType.optional(),
  Comment: glue.comment.optional(),
  Parameters: parameters.optional(),
});

export const serdeInfoSchema = z.object({
  Name: glue.name.optional(),
  SerializationLibrary: glue.name.optional(),
  Parameters: parameters.optional(),
});

export const storageDescriptorSchema = z.object({
  Columns: z.array(columnSchema).optional(),
  Location: glue.location.optional(),
  AdditionalLocations: z.array(glue.location).optional(),
  InputFormat: glue.format.optional(),
  OutputFormat: glue.format.optional(),
  Compressed: z.boolean().optional(),
  NumberOfBuckets: z.number().optional(),
  SerdeInfo: serdeInfoSchema.optional(),
  BucketColumns: z.array(glue.name).optional(),
  SortColumns: z.array(z.object({ Column: glue.name, SortOrder: z.number() })).optional(),
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
  Name: glue.name,
  Description: glue.description.optional(),
  Owner: glue.name.optional(),
  Retention: z.number().optional(),
  StorageDescriptor: storageDescriptorSchema.optional(),
  PartitionKeys: z.array(columnSchema).optional(),
  ViewOriginalText: glue.viewText.optional(),
  ViewExpandedText: glue.viewText.optional(),
  TableType: glue.tableType.optional(),
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
  Name: glue.name,
  Description: glue.description.optional(),
  LocationUri: glue.uri.optional(),
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
