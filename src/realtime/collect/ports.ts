import type { CloudTrailEventSummary } from '../events/parseCloudTrailEvent.ts';

export type { CloudTrailEventSummary };

export interface LookupWindow {
  eventSource: string;
  startTime: Date;
  endTime: Date;
}

/**
 * Where the collector reads events: CloudTrail LookupEvents for one event source, all pages.
 * `CloudTrailEventLog` (src/aws/cloudTrailEventLog.ts) implements it; tests may pass fakes.
 */
export interface EventSourcePort {
  lookupEvents(window: LookupWindow): AsyncIterable<CloudTrailEventSummary>;
  /** Pages (LookupEvents requests) made so far, for the report; optional for fakes. */
  readonly pages?: number;
}

/** Milliseconds since the epoch; injectable so tests control time. */
export type Clock = () => number;
