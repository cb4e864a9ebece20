import {
  GetCallerIdentityCommand,
  type GetCallerIdentityCommandOutput,
  type STSClient,
} from '@aws-sdk/client-sts';

/** STS GetCallerIdentity: the account and ARN the client's credentials act as. */
export async function getCallerIdentity(sts: STSClient): Promise<GetCallerIdentityCommandOutput> {
  return sts.send(new GetCallerIdentityCommand({}));
}
