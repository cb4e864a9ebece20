import type { CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  createTable,
  describeTimeToLive,
  updateTimeToLive,
  waitUntilTableExists,
} from '../../aws/commands/dynamoDb.ts';
import { PENDING_INDEX } from './items.ts';

/** The event table's definition: base key pk+sk, sparse GSI `pending` (pendingShard, pendingSort). */
export function eventTableDefinition(name: string): CreateTableCommandInput {
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'pendingShard', AttributeType: 'S' },
      { AttributeName: 'pendingSort', AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: PENDING_INDEX,
        KeySchema: [
          { AttributeName: 'pendingShard', KeyType: 'HASH' },
          { AttributeName: 'pendingSort', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}

export interface CreateEventTableResult {
  created: boolean;
  /** `unsupported`: the endpoint has no TTL (dynalite); nothing relies on TTL deletion anyway. */
  ttl: 'enabled' | 'unsupported';
}

/**
 * Creates the event table for local or self-hosted use (the CDK stack creates it in AWS). Idempotent:
 * an existing table is left as it is; waits until ACTIVE, then enables TTL on `expiresAt` where supported.
 */
export async function createEventTable(
  client: DynamoDBDocumentClient,
  name: string,
): Promise<CreateEventTableResult> {
  let created = true;
  try {
    await createTable(client, eventTableDefinition(name));
  } catch (error) {
    if ((error as Error).name !== 'ResourceInUseException') throw error;
    created = false;
  }
  await waitUntilTableExists(
    { client: client as DynamoDBClient, maxWaitTime: 120, minDelay: 1 },
    { TableName: name },
  );
  try {
    const ttl = await describeTimeToLive(client, { TableName: name });
    const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
    if (status !== 'ENABLED' && status !== 'ENABLING') {
      await updateTimeToLive(client, {
        TableName: name,
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      });
    }
    return { created, ttl: 'enabled' };
  } catch (error) {
    if ((error as Error).name === 'UnknownOperationException') return { created, ttl: 'unsupported' };
    throw error;
  }
}
