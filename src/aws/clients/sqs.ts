import { SQSClient } from '@aws-sdk/client-sqs';
import type { AwsClientBuilder } from '../clientFactory.ts';

/** The push queue (realtime.capture "push"). */
export const sqs: AwsClientBuilder<SQSClient> = (s) => s.count(new SQSClient(s.config('SQS', 'sdk')), 'SQS');
