import type { GlueClient } from '@aws-sdk/client-glue';
import { type AwsCallContextOptions, createAwsCallContext } from './awsCallContext.ts';
import { GlueCatalogs } from './glueCatalogs.ts';
import { GlueColumnStatistics } from './glueColumnStatistics.ts';
import { GlueFunctions } from './glueFunctions.ts';
import { GluePartitionIndexes } from './gluePartitionIndexes.ts';
import { GlueTableOptimizers } from './glueTableOptimizers.ts';

/** The catalog's newer objects, one adapter each, sharing one Glue call context (rate limit, retry). */
export interface GlueCatalogObjects {
  readonly partitionIndexes: GluePartitionIndexes;
  readonly functions: GlueFunctions;
  readonly columnStatistics: GlueColumnStatistics;
  readonly tableOptimizers: GlueTableOptimizers;
  /** Catalogs below the account's default one (and the connections federated ones need). */
  readonly catalogs: GlueCatalogs;
}

export function createGlueCatalogObjects(
  glue: GlueClient,
  options: AwsCallContextOptions,
  /** The account of the catalogs (default: the configured catalog id). */
  accountId = options.catalogId ?? '',
): GlueCatalogObjects {
  const context = createAwsCallContext('glue', options);
  return {
    partitionIndexes: new GluePartitionIndexes(glue, context),
    functions: new GlueFunctions(glue, context),
    columnStatistics: new GlueColumnStatistics(glue, context),
    tableOptimizers: new GlueTableOptimizers(glue, context, accountId),
    catalogs: new GlueCatalogs(glue, context, accountId),
  };
}
