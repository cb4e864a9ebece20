import {
  InvokeCommand,
  type InvokeCommandInput,
  type InvokeCommandOutput,
  type LambdaClient,
} from '@aws-sdk/client-lambda';

/**
 * Lambda requests for modules outside `src/aws` that hold a client, one function per operation, so that
 * only `src/aws` loads the SDK. Each sends one request; retries and error naming
 * are the caller's (through its call context, where it has one).
 */

export const invoke = (client: LambdaClient, input: InvokeCommandInput): Promise<InvokeCommandOutput> =>
  client.send(new InvokeCommand(input));
