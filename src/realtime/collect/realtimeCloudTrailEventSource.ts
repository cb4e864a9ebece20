import { type CloudTrailClient, LookupEventsCommand } from '@aws-sdk/client-cloudtrail';
import type { CloudTrailEventSummary, EventSourcePort, LookupWindow } from './ports.ts';
import { AsyncTokenBucket } from './tokenBucket.ts';

/** LookupEvents' limits: 50 events a page, 2 requests a second per account and Region. */
export const LOOKUP_EVENTS_PAGE_SIZE = 50;
export const LOOKUP_EVENTS_RPS = 2;

/**
 * Minimal `EventSourcePort` over @aws-sdk/client-cloudtrail, local to src/realtime until it is
 * reconciled with `src/aws/cloudTrailEventLog.ts` at merge. Pages with NextToken, one LookupAttribute
 * (EventSource) per call, every request through a token bucket.
 */
export class RealtimeCloudTrailEventSource implements EventSourcePort {
  pages = 0;

  constructor(
    private readonly client: CloudTrailClient,
    private readonly bucket = new AsyncTokenBucket(LOOKUP_EVENTS_RPS),
  ) {}

  async *lookupEvents({
    eventSource,
    startTime,
    endTime,
  }: LookupWindow): AsyncIterable<CloudTrailEventSummary> {
    let nextToken: string | undefined;
    do {
      await this.bucket.take();
      const page = await this.client.send(
        new LookupEventsCommand({
          LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: eventSource }],
          StartTime: startTime,
          EndTime: endTime,
          MaxResults: LOOKUP_EVENTS_PAGE_SIZE,
          NextToken: nextToken,
        }),
      );
      this.pages += 1;
      yield* page.Events ?? [];
      nextToken = page.NextToken;
    } while (nextToken);
  }
}
