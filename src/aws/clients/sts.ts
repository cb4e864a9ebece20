import { STSClient } from '@aws-sdk/client-sts';
import type { AwsClientBuilder } from '../clientFactory.ts';

export const sts: AwsClientBuilder<STSClient> = (s) => s.count(new STSClient(s.config('STS', 'sdk')), 'STS');
