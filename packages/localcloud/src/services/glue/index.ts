import { withRequestConstraints } from '../../modelConstraints.ts';
import { type ServiceDefinition, ServiceError } from '../../service.ts';
import { batchPartitionOperations } from './batchPartitions.ts';
import { inNamedCatalogs } from './catalogScope.ts';
import { catalogOperations } from './catalogs.ts';
import { columnStatisticsOperations } from './columnStatistics.ts';
import { connectionOperations } from './connections.ts';
import { databaseOperations } from './databases.ts';
import { partitionIndexOperations } from './partitionIndexes.ts';
import { partitionQueryOperations } from './partitionQuery.ts';
import { partitionOperations } from './partitions.ts';
import { glueRequestConstraints } from './requestConstraints.ts';
import { tableOptimizerConstraints, tableOptimizerOperations } from './tableOptimizers.ts';
import { tableOperations } from './tables.ts';
import { tableVersionOperations } from './tableVersions.ts';
import { userDefinedFunctionOperations } from './userDefinedFunctions.ts';

/**
 * The AWS Glue Data Catalog (catalogs, databases, tables, table versions, partitions, partition indexes,
 * user-defined functions, column statistics, and connections as far as federated catalogs need them) over
 * awsJson1_1.
 */
export function glueService(): ServiceDefinition {
  return {
    signingName: 'glue',
    protocol: 'awsJson1_1',
    targetPrefix: 'AWSGlue',
    eventSource: 'glue.amazonaws.com',
    throttlingErrorCode: 'ThrottlingException',
    internalErrorCode: 'InternalServiceException',
    // Glue answers a request that breaks its model's constraints with ValidationException, before the operation.
    operations: withRequestConstraints(
      {
        ...inNamedCatalogs({
          ...databaseOperations,
          ...tableOperations,
          ...tableVersionOperations,
          ...partitionOperations,
          ...partitionQueryOperations,
          ...batchPartitionOperations,
          ...partitionIndexOperations,
          ...userDefinedFunctionOperations,
          ...columnStatisticsOperations,
          ...tableOptimizerOperations,
        }),
        ...catalogOperations,
        ...connectionOperations,
      },
      { ...glueRequestConstraints, ...tableOptimizerConstraints },
      (message) => new ServiceError('ValidationException', message),
    ),
  };
}
