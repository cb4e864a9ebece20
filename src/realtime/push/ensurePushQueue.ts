import type { SQSClient } from '@aws-sdk/client-sqs';
import { createQueue, getQueueAttributes } from '../../aws/commands/sqs.ts';

/** Receives after which a message moves to the dead-letter queue (the CDK stack uses the same). */
export const MAX_RECEIVE_COUNT = 3;

export const deadLetterQueueName = (queueName: string) => `${queueName}-dlq`;

/**
 * For local and self-hosted use (the CDK stack creates them in AWS): the push queue and its dead-letter
 * queue, with the redrive policy. CreateQueue with the same attributes is a no-op, so this is safe to repeat.
 */
export async function ensurePushQueue(sqs: SQSClient, queueName: string): Promise<void> {
  const dlq = await createQueue(sqs, { QueueName: deadLetterQueueName(queueName) });
  const attributes = await getQueueAttributes(sqs, { QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] });
  await createQueue(sqs, {
    QueueName: queueName,
    Attributes: {
      VisibilityTimeout: '60',
      RedrivePolicy: JSON.stringify({
        deadLetterTargetArn: attributes.Attributes?.QueueArn,
        maxReceiveCount: String(MAX_RECEIVE_COUNT),
      }),
    },
  });
}
