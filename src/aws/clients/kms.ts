import { KMSClient } from '@aws-sdk/client-kms';
import type { AwsClientBuilder } from '../clientFactory.ts';

/** Signs and verifies snapshots (config `snapshots.signingKey`). */
export const kms: AwsClientBuilder<KMSClient> = (s) => s.count(new KMSClient(s.config('KMS', 'sdk')), 'KMS');
