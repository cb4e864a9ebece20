import {
  type DynamoDBDocumentClient,
  GetCommand,
  type GetCommandInput,
  type GetCommandOutput,
  PutCommand,
  type PutCommandInput,
  type PutCommandOutput,
  QueryCommand,
  type QueryCommandInput,
  type QueryCommandOutput,
  ScanCommand,
  type ScanCommandInput,
  type ScanCommandOutput,
  UpdateCommand,
  type UpdateCommandInput,
  type UpdateCommandOutput,
} from '@aws-sdk/lib-dynamodb';

/**
 * DynamoDB (document client) requests for modules outside `src/aws` that hold a client, one function per operation, so that
 * only `src/aws` loads the SDK. Each sends one request; retries and error naming
 * are the caller's (through its call context, where it has one).
 */

export const getItem = (client: DynamoDBDocumentClient, input: GetCommandInput): Promise<GetCommandOutput> =>
  client.send(new GetCommand(input));

export const putItem = (client: DynamoDBDocumentClient, input: PutCommandInput): Promise<PutCommandOutput> =>
  client.send(new PutCommand(input));

export const queryItems = (
  client: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<QueryCommandOutput> => client.send(new QueryCommand(input));

export const scanItems = (
  client: DynamoDBDocumentClient,
  input: ScanCommandInput,
): Promise<ScanCommandOutput> => client.send(new ScanCommand(input));

export const updateItem = (
  client: DynamoDBDocumentClient,
  input: UpdateCommandInput,
): Promise<UpdateCommandOutput> => client.send(new UpdateCommand(input));
