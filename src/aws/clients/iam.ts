import { IAMClient } from '@aws-sdk/client-iam';
import type { AwsClientBuilder } from '../clientFactory.ts';

/**
 * IAM (global; the drill's principal checks and the demo's seed). Not counted: the run's API budgets count
 * the catalog, permission, event and snapshot calls only, as they did before IAM came from the factory.
 */
export const iam: AwsClientBuilder<IAMClient> = (s) => new IAMClient(s.config('IAM', 'sdk'));
