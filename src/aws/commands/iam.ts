import {
  GetRoleCommand,
  type GetRoleCommandInput,
  type GetRoleCommandOutput,
  GetUserCommand,
  type GetUserCommandInput,
  type GetUserCommandOutput,
  type IAMClient,
} from '@aws-sdk/client-iam';

/**
 * IAM requests for modules outside `src/aws` that hold a client, one function per operation, so that
 * only `src/aws` loads the SDK. Each sends one request; retries and error naming
 * are the caller's (through its call context, where it has one).
 */

export const getRole = (client: IAMClient, input: GetRoleCommandInput): Promise<GetRoleCommandOutput> =>
  client.send(new GetRoleCommand(input));

export const getUser = (client: IAMClient, input: GetUserCommandInput): Promise<GetUserCommandOutput> =>
  client.send(new GetUserCommand(input));
