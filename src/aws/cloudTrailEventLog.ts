import { type CloudTrailClient, type Event, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { type AwsCallContext, type AwsCallContextOptions, createAwsCallContext } from './awsCallContext.ts';
import { type Clock, systemClock } from './clock.ts';
import { eachPage } from './pages.ts';

/** LookupEvents returns at most 50 events per page and allows 2 requests per second per Region. */
export const LOOKUP_EVENTS = { pageSize: 50, requestsPerSecond: 2 };

/** Which events to read: one event source (e.g. `glue.amazonaws.com`) over a time window. */
export interface LookupEventsQuery {
  eventSource: string;
  startTime: Date;
  endTime: Date;
}

/**
 * Reads CloudTrail management events (the real-time trigger stream); the collector's `EventSourcePort`. LookupEvents has a hard
 * quota of 2 requests/second per account and Region, far below the adaptive default, so this
 * adapter spaces its own requests (no burst: at least 500 ms apart) on top of the shared
 * retry/adaptive limiter. A burst of two would meet CloudTrail's bucket at its edge and be throttled.
 */
export class CloudTrailEventLog {
  private readonly context: AwsCallContext;
  private readonly clock: Clock;
  private nextRequestAt = 0;
  /** LookupEvents requests answered so far (the collector reports pages per run). */
  pages = 0;

  constructor(
    private readonly cloudTrail: CloudTrailClient,
    options: AwsCallContextOptions,
  ) {
    this.context = createAwsCallContext('cloudtrail', options);
    this.clock = options.retry?.clock ?? systemClock;
  }

  /** Reserves the next request slot synchronously (callers are served in order), then waits for it. */
  private async spaced(): Promise<void> {
    const now = this.clock.now();
    const at = Math.max(now, this.nextRequestAt);
    this.nextRequestAt = at + 1000 / LOOKUP_EVENTS.requestsPerSecond;
    if (at > now) await this.clock.sleep(at - now);
  }

  /** Yields the events of `query`, page by page (newest first, as CloudTrail returns them). */
  async *lookupEvents(query: LookupEventsQuery): AsyncGenerator<Event> {
    const eventPages = eachPage(async (NextToken) => {
      const page = await this.context.call(
        'LookupEvents',
        `${query.eventSource} events in ${this.context.region}`,
        async () => {
          await this.spaced();
          return this.cloudTrail.send(
            new LookupEventsCommand({
              LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: query.eventSource }],
              StartTime: query.startTime,
              EndTime: query.endTime,
              MaxResults: LOOKUP_EVENTS.pageSize,
              NextToken,
            }),
          );
        },
      );
      this.pages += 1;
      return { items: page.Events, next: page.NextToken };
    });
    for await (const events of eventPages) yield* events;
  }
}
