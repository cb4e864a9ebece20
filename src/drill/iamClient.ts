import { IAMClient } from '@aws-sdk/client-iam';
import type { AwsClients } from '../aws/clientFactory.ts';

/**
 * An IAM client acting as the given client set (same credentials, assumed role and endpoint). The client
 * factory has no IAM client, and IAM is global, so the target's STS client settings are reused.
 */
export function iamClientFor(clients: AwsClients): IAMClient {
  const { credentials, endpoint } = clients.sts.config;
  return new IAMClient({ region: clients.region, credentials, ...(endpoint ? { endpoint } : {}) });
}
