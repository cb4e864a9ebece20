import type { GlueClient } from '@aws-sdk/client-glue';
import { type AwsCallContextOptions, createAwsCallContext } from './awsCallContext.ts';
import { GlueColumnStatistics } from './glueColumnStatistics.ts';
import { GlueFunctions } from './glueFunctions.ts';
import { GluePartitionIndexes } from './gluePartitionIndexes.ts';

/** The catalog's newer objects, one adapter each, sharing one Glue call context (rate limit, retry). */
export interface GlueCatalogObjects {
  readonly partitionIndexes: GluePartitionIndexes;
  readonly functions: GlueFunctions;
  readonly columnStatistics: GlueColumnStatistics;
}

export function createGlueCatalogObjects(
  glue: GlueClient,
  options: AwsCallContextOptions,
): GlueCatalogObjects {
  const context = createAwsCallContext('glue', options);
  return {
    partitionIndexes: new GluePartitionIndexes(glue, context),
    functions: new GlueFunctions(glue, context),
    columnStatistics: new GlueColumnStatistics(glue, context),
  };
}
