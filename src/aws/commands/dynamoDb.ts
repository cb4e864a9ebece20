import {
  CreateTableCommand,
  type CreateTableCommandInput,
  type CreateTableCommandOutput,
  DescribeTimeToLiveCommand,
  type DescribeTimeToLiveCommandInput,
  type DescribeTimeToLiveCommandOutput,
  type DynamoDBClient,
  UpdateTimeToLiveCommand,
  type UpdateTimeToLiveCommandInput,
  type UpdateTimeToLiveCommandOutput,
} from '@aws-sdk/client-dynamodb';

/**
 * DynamoDB (table management) requests for modules outside `src/aws` that hold a client, one function per operation, so that
 * only `src/aws` loads the SDK. Each sends one request; retries and error naming
 * are the caller's (through its call context, where it has one).
 */

export const createTable = (
  client: DynamoDBClient,
  input: CreateTableCommandInput,
): Promise<CreateTableCommandOutput> => client.send(new CreateTableCommand(input));

export const describeTimeToLive = (
  client: DynamoDBClient,
  input: DescribeTimeToLiveCommandInput,
): Promise<DescribeTimeToLiveCommandOutput> => client.send(new DescribeTimeToLiveCommand(input));

export const updateTimeToLive = (
  client: DynamoDBClient,
  input: UpdateTimeToLiveCommandInput,
): Promise<UpdateTimeToLiveCommandOutput> => client.send(new UpdateTimeToLiveCommand(input));

/** Waits until the table is ACTIVE (the SDK's waiter). */
export { waitUntilTableExists } from '@aws-sdk/client-dynamodb';
