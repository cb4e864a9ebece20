import { required, type ServiceDefinition, ServiceError } from '../../service.ts';
import { type Queue, type QueueAttributes, type QueueBroker, queueDoesNotExist } from './queues.ts';

const MAX_MESSAGE_BYTES = 262_144;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const invalid = (message: string) => new ServiceError('InvalidParameterValue', message, 400);

function intIn(value: unknown, member: string, min: number, max: number, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw invalid(
      `Value ${String(value)} for parameter ${member} is invalid. Reason: must be between ${min} and ${max}.`,
    );
  return n;
}

function checkBody(body: unknown): string {
  if (typeof body !== 'string' || body.length === 0)
    throw new ServiceError('MissingParameter', 'The request must contain the parameter MessageBody.', 400);
  if (Buffer.byteLength(body) > MAX_MESSAGE_BYTES)
    throw invalid(
      `One or more parameters are invalid. Reason: Message must be shorter than ${MAX_MESSAGE_BYTES} bytes.`,
    );
  return body;
}

/** Batch entries: 1 to 10, ids distinct (the checks SQS makes before any entry runs). */
function batchEntries(input: Record<string, unknown>): Array<Record<string, unknown>> {
  const entries = input.Entries;
  if (!Array.isArray(entries) || entries.length === 0)
    throw new ServiceError('EmptyBatchRequest', 'There should be at least one entry in the request.', 400);
  if (entries.length > 10)
    throw new ServiceError(
      'TooManyEntriesInBatchRequest',
      'Maximum number of entries per request are 10.',
      400,
    );
  const ids = entries.map((e) => (e as Record<string, unknown>).Id);
  if (new Set(ids).size !== ids.length)
    throw new ServiceError('BatchEntryIdsNotDistinct', 'Id must be distinct.', 400);
  return entries as Array<Record<string, unknown>>;
}

function attributesOf(queue: Queue): Record<string, string> {
  const visible = queue.messages.filter((m) => m.visibleAtMs <= Date.now()).length;
  const a: QueueAttributes = queue.attributes;
  return {
    QueueArn: queue.arn,
    ApproximateNumberOfMessages: String(visible),
    ApproximateNumberOfMessagesNotVisible: String(queue.messages.length - visible),
    ApproximateNumberOfMessagesDelayed: '0',
    CreatedTimestamp: String(queue.createdAtS),
    VisibilityTimeout: String(a.VisibilityTimeout),
    MessageRetentionPeriod: String(a.MessageRetentionPeriod),
    ReceiveMessageWaitTimeSeconds: String(a.ReceiveMessageWaitTimeSeconds),
    DelaySeconds: String(a.DelaySeconds),
    ...(a.RedrivePolicy ? { RedrivePolicy: a.RedrivePolicy } : {}),
  };
}

function createAttributes(raw: unknown): Partial<QueueAttributes> {
  const input = (raw ?? {}) as Record<string, string>;
  const out: Partial<QueueAttributes> = {};
  if (input.VisibilityTimeout !== undefined)
    out.VisibilityTimeout = intIn(input.VisibilityTimeout, 'VisibilityTimeout', 0, 43_200, 30);
  if (input.MessageRetentionPeriod !== undefined)
    out.MessageRetentionPeriod = intIn(
      input.MessageRetentionPeriod,
      'MessageRetentionPeriod',
      60,
      1_209_600,
      345_600,
    );
  if (input.ReceiveMessageWaitTimeSeconds !== undefined)
    out.ReceiveMessageWaitTimeSeconds = intIn(
      input.ReceiveMessageWaitTimeSeconds,
      'ReceiveMessageWaitTimeSeconds',
      0,
      20,
      0,
    );
  if (input.DelaySeconds !== undefined)
    out.DelaySeconds = intIn(input.DelaySeconds, 'DelaySeconds', 0, 900, 0);
  if (input.RedrivePolicy !== undefined) {
    let policy: { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
    try {
      policy = JSON.parse(input.RedrivePolicy);
    } catch {
      throw invalid(
        'Invalid value for the parameter RedrivePolicy. Reason: Redrive policy is not a valid JSON map.',
      );
    }
    if (typeof policy.deadLetterTargetArn !== 'string')
      throw invalid(
        'Invalid value for the parameter RedrivePolicy. Reason: Dead letter target arn is missing.',
      );
    intIn(policy.maxReceiveCount, 'maxReceiveCount', 1, 1000, 0);
    out.RedrivePolicy = input.RedrivePolicy;
  }
  return out;
}

/** Waits (long polling) until a message is visible or the wait ends; SQS answers early when one arrives. */
async function receive(broker: QueueBroker, queue: Queue, input: Record<string, unknown>) {
  const max = intIn(input.MaxNumberOfMessages, 'MaxNumberOfMessages', 1, 10, 1);
  const waitSeconds = intIn(
    input.WaitTimeSeconds,
    'WaitTimeSeconds',
    0,
    20,
    queue.attributes.ReceiveMessageWaitTimeSeconds,
  );
  const visibility = intIn(
    input.VisibilityTimeout,
    'VisibilityTimeout',
    0,
    43_200,
    queue.attributes.VisibilityTimeout,
  );
  const deadline = Date.now() + waitSeconds * 1000;
  let taken = broker.receive(queue, max, visibility);
  while (taken.length === 0 && Date.now() < deadline) {
    await sleep(Math.min(50, deadline - Date.now()));
    taken = broker.receive(queue, max, visibility);
  }
  return {
    Messages: taken.map((m) => ({
      MessageId: m.messageId,
      ReceiptHandle: m.receiptHandle,
      MD5OfBody: m.md5,
      Body: m.body,
      Attributes: {
        SentTimestamp: String(m.sentAtMs),
        ApproximateReceiveCount: String(m.receiveCount),
        ApproximateFirstReceiveTimestamp: String(m.firstReceivedAtMs ?? m.sentAtMs),
      },
    })),
  };
}

/** Amazon SQS over the AWS JSON 1.0 protocol (`X-Amz-Target: AmazonSQS.<Operation>`), as SDK v3 speaks it. */
export function sqsService(broker: QueueBroker): ServiceDefinition {
  const queueOf = (input: Record<string, unknown>, region: string) => broker.byUrl(region, input.QueueUrl);
  // Every operation counts as read-only for the dispatcher: queues live in memory, outside the persisted
  // Region state, so no call of theirs may dirty it (and SQS calls are not recorded in CloudTrail here).
  const op = (_mutates: boolean, handler: ServiceDefinition['operations'][string]['handler']) => ({
    readOnly: true,
    handler,
  });
  return {
    signingName: 'sqs',
    protocol: 'awsJson1_0',
    targetPrefix: 'AmazonSQS',
    throttlingErrorCode: 'RequestThrottled',
    internalErrorCode: 'InternalError',
    operations: {
      CreateQueue: op(false, (input, ctx) => {
        const name = required<string>(input, 'QueueName');
        if (!/^[\w-]{1,80}$/.test(name))
          throw invalid(
            'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
          );
        const queue = broker.create(ctx.accountId, ctx.region, name, createAttributes(input.Attributes));
        return { QueueUrl: broker.urlOf(queue) };
      }),
      GetQueueUrl: op(true, (input, ctx) => {
        const queue = broker.find(ctx.accountId, ctx.region, required<string>(input, 'QueueName'));
        if (!queue) throw queueDoesNotExist();
        return { QueueUrl: broker.urlOf(queue) };
      }),
      GetQueueAttributes: op(true, (input, ctx) => ({
        Attributes: attributesOf(queueOf(input, ctx.region)),
      })),
      SendMessage: op(false, (input, ctx) => {
        const queue = queueOf(input, ctx.region);
        const delay = intIn(input.DelaySeconds, 'DelaySeconds', 0, 900, queue.attributes.DelaySeconds);
        const message = broker.send(queue, checkBody(input.MessageBody), delay);
        return { MessageId: message.messageId, MD5OfMessageBody: message.md5 };
      }),
      SendMessageBatch: op(false, (input, ctx) => {
        const queue = queueOf(input, ctx.region);
        const entries = batchEntries(input);
        const total = entries.reduce((sum, e) => sum + Buffer.byteLength(String(e.MessageBody ?? '')), 0);
        if (total > MAX_MESSAGE_BYTES)
          throw new ServiceError(
            'BatchRequestTooLong',
            `Batch requests cannot be longer than ${MAX_MESSAGE_BYTES} bytes.`,
            400,
          );
        const Successful = entries.map((e) => {
          const delay = intIn(e.DelaySeconds, 'DelaySeconds', 0, 900, queue.attributes.DelaySeconds);
          const message = broker.send(queue, checkBody(e.MessageBody), delay);
          return { Id: e.Id, MessageId: message.messageId, MD5OfMessageBody: message.md5 };
        });
        return { Successful, Failed: [] };
      }),
      ReceiveMessage: op(false, (input, ctx) => receive(broker, queueOf(input, ctx.region), input)),
      DeleteMessage: op(false, (input, ctx) => {
        broker.delete(queueOf(input, ctx.region), input.ReceiptHandle);
        return {};
      }),
      DeleteMessageBatch: op(false, (input, ctx) => {
        const queue = queueOf(input, ctx.region);
        const Successful: Array<{ Id: unknown }> = [];
        const Failed: Array<Record<string, unknown>> = [];
        for (const entry of batchEntries(input)) {
          try {
            broker.delete(queue, entry.ReceiptHandle);
            Successful.push({ Id: entry.Id });
          } catch (error) {
            const e = error as ServiceError;
            Failed.push({ Id: entry.Id, SenderFault: true, Code: e.code, Message: e.message });
          }
        }
        return { Successful, Failed };
      }),
      ChangeMessageVisibility: op(false, (input, ctx) => {
        const queue = queueOf(input, ctx.region);
        const message = broker.byReceipt(queue, input.ReceiptHandle);
        message.visibleAtMs =
          Date.now() + intIn(input.VisibilityTimeout, 'VisibilityTimeout', 0, 43_200, 0) * 1000;
        return {};
      }),
    },
  };
}
