import type { SQSClient } from '@aws-sdk/client-sqs';
import pLimit from 'p-limit';
import {
  changeMessageVisibility,
  deleteMessageBatch,
  getQueueAttributes,
  getQueueUrl,
  receiveMessage,
} from '../../aws/commands/sqs.ts';
import { LakemirrorError } from '../../model/errors.ts';

/** DeleteMessageBatch calls in flight at once when a drained backlog is deleted. */
const DELETE_CONCURRENCY = 8;

export interface PushMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  receiveCount: number;
}

/** The push queue and its dead-letter queue: a thin SQS adapter (the client is passed in). */
export class PushQueue {
  private url?: string;
  private readonly otherUrls = new Map<string, string>();

  constructor(
    private readonly sqs: SQSClient,
    readonly queueName: string,
  ) {}

  private async queueUrl(): Promise<string> {
    if (this.url) return this.url;
    try {
      const answer = await getQueueUrl(this.sqs, { QueueName: this.queueName });
      this.url = answer.QueueUrl!;
      return this.url;
    } catch (cause) {
      throw new LakemirrorError({
        code: 'push.queueMissing',
        source: 'user',
        object: `SQS queue ${this.queueName}`,
        message: 'The push queue does not exist in the source Region',
        fix: 'deploy the push capture (infra/) or, locally, run `lakemirror realtime watch --capture push`, which creates it',
        cause,
      });
    }
  }

  /** Long-polls up to `waitSeconds` for up to 10 messages. */
  async receive(waitSeconds: number): Promise<PushMessage[]> {
    const answer = await receiveMessage(this.sqs, {
      QueueUrl: await this.queueUrl(),
      MaxNumberOfMessages: 10,
      WaitTimeSeconds: waitSeconds,
      MessageSystemAttributeNames: ['ApproximateReceiveCount'],
    });
    return (answer.Messages ?? []).map((m) => ({
      messageId: m.MessageId ?? '',
      receiptHandle: m.ReceiptHandle ?? '',
      body: m.Body ?? '',
      receiveCount: Number(m.Attributes?.ApproximateReceiveCount ?? 1),
    }));
  }

  /**
   * Deletes the handled messages, 10 per call, a few calls at a time; returns how many SQS could not delete
   * (they come back: staging is idempotent).
   */
  async delete(messages: PushMessage[]): Promise<number> {
    const url = await this.queueUrl();
    const batches: PushMessage[][] = [];
    for (let i = 0; i < messages.length; i += 10) batches.push(messages.slice(i, i + 10));
    const limit = pLimit(DELETE_CONCURRENCY);
    const answers = await Promise.all(
      batches.map((batch) =>
        limit(() =>
          deleteMessageBatch(this.sqs, {
            QueueUrl: url,
            Entries: batch.map((m, n) => ({ Id: String(n), ReceiptHandle: m.receiptHandle })),
          }),
        ),
      ),
    );
    return answers.reduce((failed, answer) => failed + (answer.Failed?.length ?? 0), 0);
  }

  /** Makes a message visible again after `seconds` (a poison one comes back soon, to reach the DLQ). */
  async retryAfter(message: PushMessage, seconds: number): Promise<void> {
    await changeMessageVisibility(this.sqs, {
      QueueUrl: await this.queueUrl(),
      ReceiptHandle: message.receiptHandle,
      VisibilityTimeout: seconds,
    });
  }

  /** Messages waiting in a queue (visible + in flight), e.g. the dead-letter queue for the report. */
  async depth(queueName = this.queueName): Promise<number> {
    const url = queueName === this.queueName ? await this.queueUrl() : await this.otherUrl(queueName);
    const answer = await getQueueAttributes(this.sqs, {
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    });
    const a = answer.Attributes ?? {};
    return Number(a.ApproximateNumberOfMessages ?? 0) + Number(a.ApproximateNumberOfMessagesNotVisible ?? 0);
  }

  private async otherUrl(queueName: string): Promise<string | undefined> {
    if (!this.otherUrls.has(queueName)) {
      const answer = await getQueueUrl(this.sqs, { QueueName: queueName });
      if (answer.QueueUrl) this.otherUrls.set(queueName, answer.QueueUrl);
    }
    return this.otherUrls.get(queueName);
  }
}
