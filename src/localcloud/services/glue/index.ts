import type { ServiceDefinition } from '../../service.ts';
import { batchPartitionOperations } from './batchPartitions.ts';
import { databaseOperations } from './databases.ts';
import { partitionQueryOperations } from './partitionQuery.ts';
import { partitionOperations } from './partitions.ts';
import { tableOperations } from './tables.ts';
import { tableVersionOperations } from './tableVersions.ts';

/** The AWS Glue Data Catalog (databases, tables, table versions, partitions) over awsJson1_1. */
export function glueService(): ServiceDefinition {
  return {
    signingName: 'glue',
    protocol: 'awsJson1_1',
    targetPrefix: 'AWSGlue',
    eventSource: 'glue.amazonaws.com',
    throttlingErrorCode: 'ThrottlingException',
    internalErrorCode: 'InternalServiceException',
    operations: {
      ...databaseOperations,
      ...tableOperations,
      ...tableVersionOperations,
      ...partitionOperations,
      ...partitionQueryOperations,
      ...batchPartitionOperations,
    },
  };
}
