import { GlueClient } from '@aws-sdk/client-glue';
import type { AwsClientBuilder } from '../clientFactory.ts';

/** Glue: one attempt per send, `callWithRetry` retries. */
export const glue: AwsClientBuilder<GlueClient> = (s) =>
  s.count(new GlueClient(s.config('GLUE', 'own')), 'Glue');
