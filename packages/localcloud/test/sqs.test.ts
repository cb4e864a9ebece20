import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud } from '../../../test/support/localCloud.ts';
import type { LocalCloud } from '../src/server.ts';

let cloud: LocalCloud;
let sqs: SQSClient;

beforeAll(async () => {
  cloud = await startTestCloud({ embedded: false });
  sqs = new SQSClient({
    region: 'us-east-1',
    endpoint: cloud.endpoint,
    credentials: { accessKeyId: 'AKIALOCALTEST', secretAccessKey: 'local' },
  });
});
afterAll(() => cloud.stop());

async function queueWithDlq(name: string, maxReceiveCount: number) {
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: Attributes?.QueueArn,
          maxReceiveCount: String(maxReceiveCount),
        }),
      },
    }),
  );
  return { url: queue.QueueUrl!, dlqUrl: dlq.QueueUrl! };
}

describe('the local cloud SQS (AWS JSON 1.0, real SDK client)', () => {
  it('sends a batch, long-polls it back with valid MD5s, deletes it by batch', async () => {
    const { url } = await queueWithDlq('plain', 5);
    const waiting = sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 5 }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'a', MessageBody: 'first' },
          { Id: 'b', MessageBody: 'second' },
        ],
      }),
    );
    const received = await waiting;
    expect(received.Messages?.map((m) => m.Body).sort()).toEqual(['first', 'second']);
    const deleted = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: url,
        Entries: received.Messages!.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle! })),
      }),
    );
    expect(deleted.Successful).toHaveLength(2);
    const again = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 0 }));
    expect(again.Messages ?? []).toHaveLength(0);
  });

  it('moves a message received maxReceiveCount times to the dead-letter queue', async () => {
    const { url, dlqUrl } = await queueWithDlq('redrive', 2);
    await sqs.send(
      new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: 'x', MessageBody: 'poison' }] }),
    );
    for (let i = 0; i < 2; i++) {
      const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1 }));
      const message = got.Messages?.[0];
      expect(message?.Body).toBe('poison');
      await sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: url,
          ReceiptHandle: message!.ReceiptHandle,
          VisibilityTimeout: 0,
        }),
      );
    }
    const third = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 0 }));
    expect(third.Messages ?? []).toHaveLength(0);
    const dead = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl, WaitTimeSeconds: 0 }));
    expect(dead.Messages?.[0]?.Body).toBe('poison');
  });

  it('refuses what SQS refuses: an unknown queue, more than 10 entries, a bad receipt handle', async () => {
    await expect(sqs.send(new GetQueueUrlCommand({ QueueName: 'absent' }))).rejects.toMatchObject({
      name: 'QueueDoesNotExist',
    });
    const { url } = await queueWithDlq('limits', 3);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ Id: String(i), MessageBody: 'm' }));
    await expect(
      sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: eleven })),
    ).rejects.toMatchObject({
      name: 'TooManyEntriesInBatchRequest',
    });
    await expect(
      sqs.send(
        new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: 'nope', VisibilityTimeout: 0 }),
      ),
    ).rejects.toMatchObject({ name: 'ReceiptHandleIsInvalid' });
  });

  it('sets push delivery through the admin API, refusing a drop rate outside 0..1', async () => {
    const post = (body: unknown) =>
      fetch(`${cloud.endpoint}/_localcloud/push`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post({ dropRate: 1.5 })).status).toBe(400);
    const answer = await (await post({ delayMs: 1000, dropRate: 0.2 })).json();
    expect(answer).toMatchObject({ delayMs: 1000, dropRate: 0.2, queueName: 'lakemirror-push' });
  });
});
