import { LakeFormationClient } from '@aws-sdk/client-lakeformation';
import type { AwsClientBuilder } from '../clientFactory.ts';

/** Lake Formation: one attempt per send, `callWithRetry` retries. */
export const lakeFormation: AwsClientBuilder<LakeFormationClient> = (s) =>
  s.count(new LakeFormationClient(s.config('LAKEFORMATION', 'own')), 'LakeFormation');
