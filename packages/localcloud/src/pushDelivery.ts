import { randomUUID } from 'node:crypto';
import type { QueueBroker } from './services/sqs/queues.ts';

export interface PushSettings {
  /** Queue (in the caller's account and Region) the EventBridge rule targets; absent queue: nothing delivered. */
  queueName: string;
  /** EventBridge delivers this long after the call (real: typically well under a second, best effort). */
  delayMs: number;
  /** Fraction of events never delivered (every 1/rate-th one), to prove the lookup backstop. */
  dropRate: number;
}

export const DEFAULT_PUSH_SETTINGS: PushSettings = {
  queueName: 'lakemirror-push',
  delayMs: 0,
  dropRate: 0,
};

const SOURCES: Record<string, string> = {
  'glue.amazonaws.com': 'aws.glue',
  'lakeformation.amazonaws.com': 'aws.lakeformation',
};

/** The EventBridge event of one CloudTrail record: its real envelope, the record as `detail`. */
export function apiCallEvent(record: Record<string, unknown>): Record<string, unknown> {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'AWS API Call via CloudTrail',
    source: SOURCES[String(record.eventSource)] ?? String(record.eventSource),
    account: record.recipientAccountId,
    time: record.eventTime,
    region: record.awsRegion,
    resources: [],
    detail: record,
  };
}

/**
 * What the source Region's EventBridge rule sends to the queue: every mutating Glue and Lake Formation call
 * that succeeded, after the delay, minus the dropped share. Read-only and failed calls do not match the rule.
 */
export class PushDelivery {
  settings: PushSettings;
  delivered = 0;
  dropped = 0;
  private offered = 0;

  constructor(
    private readonly broker: QueueBroker,
    settings: Partial<PushSettings> = {},
  ) {
    this.settings = { ...DEFAULT_PUSH_SETTINGS, ...settings };
  }

  offer(record: Record<string, unknown>): void {
    if (record.readOnly === true || record.errorCode !== undefined) return;
    const queue = this.broker.find(
      String(record.recipientAccountId),
      String(record.awsRegion),
      this.settings.queueName,
    );
    if (!queue) return;
    // Spread evenly, not at random: with rate 0.2 exactly every fifth event is lost, so tests can rely on it.
    this.offered += 1;
    if (Math.floor(this.offered * this.settings.dropRate) > this.dropped) {
      this.dropped += 1;
      return;
    }
    const body = JSON.stringify(apiCallEvent(record));
    const deliver = () => {
      this.broker.send(queue, body, 0);
      this.delivered += 1;
    };
    if (this.settings.delayMs > 0) setTimeout(deliver, this.settings.delayMs).unref?.();
    else deliver();
  }
}
