import { createHash, randomUUID } from 'node:crypto';
import { ServiceError } from '../../service.ts';

/** One message as the queue keeps it. */
export interface QueuedMessage {
  messageId: string;
  body: string;
  md5: string;
  sentAtMs: number;
  visibleAtMs: number;
  receiveCount: number;
  firstReceivedAtMs?: number;
  receiptHandle?: string;
}

export interface QueueAttributes {
  VisibilityTimeout: number;
  MessageRetentionPeriod: number;
  ReceiveMessageWaitTimeSeconds: number;
  DelaySeconds: number;
  /** JSON `{"deadLetterTargetArn": …, "maxReceiveCount": …}`, as SQS keeps it. */
  RedrivePolicy?: string;
}

export interface Queue {
  name: string;
  accountId: string;
  region: string;
  arn: string;
  createdAtS: number;
  attributes: QueueAttributes;
  messages: QueuedMessage[];
}

export const md5Hex = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

const DEFAULT_ATTRIBUTES: QueueAttributes = {
  VisibilityTimeout: 30,
  MessageRetentionPeriod: 345_600,
  ReceiveMessageWaitTimeSeconds: 0,
  DelaySeconds: 0,
};

export const queueDoesNotExist = () =>
  new ServiceError('QueueDoesNotExist', 'The specified queue does not exist.', 400);

/**
 * Every queue of the local cloud, in memory only (a restart empties them, as a purge would). Messages are
 * handed out by `receive`, hidden for the visibility timeout, and moved to the dead-letter queue of the
 * redrive policy when a receive would exceed its maxReceiveCount.
 */
export class QueueBroker {
  private readonly queues = new Map<string, Queue>();
  /** Base of queue URLs (the SDK sends each request to its queue's URL). */
  endpoint = 'http://localhost:4566';

  private key = (accountId: string, region: string, name: string) => `${accountId}/${region}/${name}`;

  create(accountId: string, region: string, name: string, attributes: Partial<QueueAttributes>): Queue {
    const existing = this.queues.get(this.key(accountId, region, name));
    if (existing) return existing;
    const queue: Queue = {
      name,
      accountId,
      region,
      arn: `arn:aws:sqs:${region}:${accountId}:${name}`,
      createdAtS: Math.floor(Date.now() / 1000),
      attributes: { ...DEFAULT_ATTRIBUTES, ...attributes },
      messages: [],
    };
    this.queues.set(this.key(accountId, region, name), queue);
    return queue;
  }

  find(accountId: string, region: string, name: string): Queue | undefined {
    return this.queues.get(this.key(accountId, region, name));
  }

  /** The queue a QueueUrl names (`<endpoint>/<account>/<name>`), in the caller's Region. */
  byUrl(region: string, queueUrl: unknown): Queue {
    if (typeof queueUrl !== 'string') throw queueDoesNotExist();
    const parts = queueUrl.replace(/\/+$/, '').split('/');
    const queue = this.find(parts.at(-2) ?? '', region, parts.at(-1) ?? '');
    if (!queue) throw queueDoesNotExist();
    return queue;
  }

  urlOf(queue: Queue): string {
    return `${this.endpoint}/${queue.accountId}/${queue.name}`;
  }

  send(queue: Queue, body: string, delaySeconds = queue.attributes.DelaySeconds): QueuedMessage {
    const now = Date.now();
    const message: QueuedMessage = {
      messageId: randomUUID(),
      body,
      md5: md5Hex(body),
      sentAtMs: now,
      visibleAtMs: now + delaySeconds * 1000,
      receiveCount: 0,
    };
    queue.messages.push(message);
    return message;
  }

  /** Up to `max` visible messages, each now hidden for `visibilitySeconds`; redrives exhausted ones. */
  receive(queue: Queue, max: number, visibilitySeconds: number): QueuedMessage[] {
    const now = Date.now();
    this.expire(queue, now);
    const taken: QueuedMessage[] = [];
    for (const message of [...queue.messages]) {
      if (taken.length >= max) break;
      if (message.visibleAtMs > now) continue;
      if (this.redrive(queue, message)) continue;
      message.receiveCount += 1;
      message.firstReceivedAtMs ??= now;
      message.receiptHandle = `${message.messageId}#${randomUUID()}`;
      message.visibleAtMs = now + visibilitySeconds * 1000;
      taken.push(message);
    }
    return taken;
  }

  /** The message a receipt handle was issued for (only the latest handle of a message counts). */
  byReceipt(queue: Queue, receiptHandle: unknown): QueuedMessage {
    const message = queue.messages.find(
      (m) => m.receiptHandle !== undefined && m.receiptHandle === receiptHandle,
    );
    if (!message)
      throw new ServiceError(
        'ReceiptHandleIsInvalid',
        `The input receipt handle "${String(receiptHandle)}" is not valid.`,
        400,
      );
    return message;
  }

  delete(queue: Queue, receiptHandle: unknown): void {
    const message = this.byReceipt(queue, receiptHandle);
    queue.messages.splice(queue.messages.indexOf(message), 1);
  }

  oldestAgeSeconds(queue: Queue): number {
    const oldest = queue.messages[0];
    return oldest ? Math.floor((Date.now() - oldest.sentAtMs) / 1000) : 0;
  }

  private expire(queue: Queue, now: number): void {
    const limit = queue.attributes.MessageRetentionPeriod * 1000;
    queue.messages = queue.messages.filter((m) => now - m.sentAtMs < limit);
  }

  /** True when the message was moved to the dead-letter queue instead of being received once more. */
  private redrive(queue: Queue, message: QueuedMessage): boolean {
    if (!queue.attributes.RedrivePolicy) return false;
    const policy = JSON.parse(queue.attributes.RedrivePolicy) as {
      deadLetterTargetArn: string;
      maxReceiveCount: number | string;
    };
    if (message.receiveCount < Number(policy.maxReceiveCount)) return false;
    const [, , , region, accountId, name] = policy.deadLetterTargetArn.split(':');
    const dlq = this.find(accountId ?? '', region ?? '', name ?? '');
    if (!dlq) return false;
    queue.messages.splice(queue.messages.indexOf(message), 1);
    dlq.messages.push({ ...message, visibleAtMs: Date.now(), receiptHandle: undefined, receiveCount: 0 });
    return true;
  }
}
