import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import type { AwsClientBuilder } from '../clientFactory.ts';

/** CloudTrail: one attempt per send, `callWithRetry` retries. */
export const cloudTrail: AwsClientBuilder<CloudTrailClient> = (s) =>
  s.count(new CloudTrailClient(s.config('CLOUDTRAIL', 'own')), 'CloudTrail');
