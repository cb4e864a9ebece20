import type { TableOptimizer } from '@aws-sdk/client-glue';
import { z } from 'zod';
import { LakemirrorError } from './errors.ts';
import { pruneEmpty } from './prune.ts';
import type { TableOptimizerRecord } from './records.ts';

/*
 * Table optimizers of Iceberg tables (glue-2017-03-31): one per table and type, its TableOptimizerConfiguration
 * kept; what the service manages (lastRun, configurationSource) is not. Member names are the API's
 * (camelCase, unlike most Glue shapes).
 */

/** TableOptimizerType. */
export const TABLE_OPTIMIZER_TYPES = ['compaction', 'retention', 'orphan_file_deletion'] as const;
export type TableOptimizerType = (typeof TABLE_OPTIMIZER_TYPES)[number];

const days = z.number().int();

/** TableOptimizerConfiguration, every member the API has (the VPC one is a union of one member). */
export const tableOptimizerConfigurationSchema = z.strictObject({
  roleArn: z.string().min(20).max(2048).optional(),
  enabled: z.boolean().optional(),
  vpcConfiguration: z.strictObject({ glueConnectionName: z.string().min(1).max(255) }).optional(),
  compactionConfiguration: z
    .strictObject({
      icebergConfiguration: z
        .strictObject({
          strategy: z.enum(['binpack', 'sort', 'z-order']).optional(),
          minInputFiles: days.optional(),
          deleteFileThreshold: days.optional(),
        })
        .optional(),
    })
    .optional(),
  retentionConfiguration: z
    .strictObject({
      icebergConfiguration: z
        .strictObject({
          snapshotRetentionPeriodInDays: days.optional(),
          numberOfSnapshotsToRetain: days.optional(),
          cleanExpiredFiles: z.boolean().optional(),
          runRateInHours: days.optional(),
        })
        .optional(),
    })
    .optional(),
  orphanFileDeletionConfiguration: z
    .strictObject({
      icebergConfiguration: z
        .strictObject({
          orphanFileRetentionPeriodInDays: days.optional(),
          location: z.string().optional(),
          runRateInHours: days.optional(),
        })
        .optional(),
    })
    .optional(),
});

export type TableOptimizerConfiguration = z.infer<typeof tableOptimizerConfigurationSchema>;

/** A table optimizer from GetTableOptimizer or BatchGetTableOptimizer, as a record. */
export function canonicalTableOptimizer(
  databaseName: string,
  tableName: string,
  optimizer: TableOptimizer,
): TableOptimizerRecord {
  const object = `table optimizer ${optimizer.type ?? '?'} of ${databaseName}.${tableName}`;
  const type = z.enum(TABLE_OPTIMIZER_TYPES).safeParse(optimizer.type);
  const configuration = tableOptimizerConfigurationSchema.safeParse(
    JSON.parse(JSON.stringify(optimizer.configuration ?? {})),
  );
  if (!type.success || !configuration.success)
    throw new LakemirrorError({
      code: 'model.invalidObject',
      source: 'aws',
      object,
      message: `Glue returned a ${object} lakemirror cannot read: ${(type.error ?? configuration.error)?.message}`,
      fix: 'Report a bug with the optimizer shown (aws glue get-table-optimizer).',
    });
  return {
    kind: 'tableOptimizer',
    databaseName: databaseName.toLowerCase(),
    tableName: tableName.toLowerCase(),
    type: type.data,
    configuration: pruneEmpty(configuration.data),
  };
}
