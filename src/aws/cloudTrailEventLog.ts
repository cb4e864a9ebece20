import { type CloudTrailClient, type Event, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import { type AwsCallContext, type AwsCallContextOptions, createAwsCallContext } from './awsCallContext.ts';
import { AdaptiveRateLimiter } from './rateLimiter.ts';

/** LookupEvents returns at most 50 events per page and allows 2 requests per second per Region. */
export const LOOKUP_EVENTS = { pageSize: 50, requestsPerSecond: 2 };

/** Which events to read: one event source (e.g. `glue.amazonaws.com`) over a time window. */
export interface LookupEventsQuery {
  eventSource: string;
  startTime: Date;
  endTime: Date;
}

/**
 * Reads CloudTrail management events (the real-time trigger stream). LookupEvents has a hard
 * quota of 2 requests/second per account and Region, far below the adaptive default, so this
 * adapter paces itself with a fixed limiter on top of the shared retry/adaptive one.
 */
export class CloudTrailEventLog {
  private readonly context: AwsCallContext;
  private readonly pace: AdaptiveRateLimiter;

  constructor(
    private readonly cloudTrail: CloudTrailClient,
    options: AwsCallContextOptions,
  ) {
    this.context = createAwsCallContext('cloudtrail', options);
    this.pace = new AdaptiveRateLimiter({
      initialRate: LOOKUP_EVENTS.requestsPerSecond,
      maxRate: LOOKUP_EVENTS.requestsPerSecond,
      ...(options.retry?.clock ? { clock: options.retry.clock } : {}),
    });
  }

  /** Yields the events of `query`, page by page (newest first, as CloudTrail returns them). */
  async *lookupEvents(query: LookupEventsQuery): AsyncGenerator<Event> {
    let NextToken: string | undefined;
    do {
      const page = await this.context.call(
        'LookupEvents',
        `${query.eventSource} events in ${this.context.region}`,
        async () => {
          await this.pace.acquire();
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
      yield* page.Events ?? [];
      NextToken = page.NextToken;
    } while (NextToken);
  }
}
