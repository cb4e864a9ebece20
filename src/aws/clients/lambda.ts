import { LambdaClient } from '@aws-sdk/client-lambda';
import type { AwsClientBuilder } from '../clientFactory.ts';

/** Lambda (the push stager invokes the replayer); not counted, as no run report budgets it. */
export const lambda: AwsClientBuilder<LambdaClient> = (s) => new LambdaClient(s.config('LAMBDA', 'sdk'));
