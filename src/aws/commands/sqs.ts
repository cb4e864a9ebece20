import {
  ChangeMessageVisibilityCommand,
  type ChangeMessageVisibilityCommandInput,
  type ChangeMessageVisibilityCommandOutput,
  CreateQueueCommand,
  type CreateQueueCommandInput,
  type CreateQueueCommandOutput,
  DeleteMessageBatchCommand,
  type DeleteMessageBatchCommandInput,
  type DeleteMessageBatchCommandOutput,
  GetQueueAttributesCommand,
  type GetQueueAttributesCommandInput,
  type GetQueueAttributesCommandOutput,
  GetQueueUrlCommand,
  type GetQueueUrlCommandInput,
  type GetQueueUrlCommandOutput,
  ReceiveMessageCommand,
  type ReceiveMessageCommandInput,
  type ReceiveMessageCommandOutput,
  type SQSClient,
} from '@aws-sdk/client-sqs';

/**
 * SQS requests for modules outside `src/aws` that hold a client, one function per operation, so that
 * only `src/aws` loads the SDK. Each sends one request; retries and error naming
 * are the caller's (through its call context, where it has one).
 */

export const changeMessageVisibility = (
  client: SQSClient,
  input: ChangeMessageVisibilityCommandInput,
): Promise<ChangeMessageVisibilityCommandOutput> => client.send(new ChangeMessageVisibilityCommand(input));

export const createQueue = (
  client: SQSClient,
  input: CreateQueueCommandInput,
): Promise<CreateQueueCommandOutput> => client.send(new CreateQueueCommand(input));

export const deleteMessageBatch = (
  client: SQSClient,
  input: DeleteMessageBatchCommandInput,
): Promise<DeleteMessageBatchCommandOutput> => client.send(new DeleteMessageBatchCommand(input));

export const getQueueAttributes = (
  client: SQSClient,
  input: GetQueueAttributesCommandInput,
): Promise<GetQueueAttributesCommandOutput> => client.send(new GetQueueAttributesCommand(input));

export const getQueueUrl = (
  client: SQSClient,
  input: GetQueueUrlCommandInput,
): Promise<GetQueueUrlCommandOutput> => client.send(new GetQueueUrlCommand(input));

export const receiveMessage = (
  client: SQSClient,
  input: ReceiveMessageCommandInput,
): Promise<ReceiveMessageCommandOutput> => client.send(new ReceiveMessageCommand(input));
