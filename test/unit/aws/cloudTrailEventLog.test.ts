import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../src/aws/clock.ts';
import { CloudTrailEventLog } from '../../../src/aws/cloudTrailEventLog.ts';
import { awsError, FakeAwsClient, page } from './fakes/fakeAwsClient.ts';

describe('CloudTrailEventLog', () => {
  it('pages LookupEvents (50 max) at no more than 2 requests per second, retrying throttling', async () => {
    const events = Array.from({ length: 7 }, (_, i) => ({
      EventId: `e${i}`,
      EventSource: 'glue.amazonaws.com',
    }));
    const clock = createFakeClock();
    const requestTimes: number[] = [];
    const fake = new FakeAwsClient({
      LookupEvents: ({ NextToken, MaxResults }) => {
        expect(MaxResults).toBe(50);
        requestTimes.push(clock.now());
        const p = page(events, NextToken, 2);
        return { Events: p.items, NextToken: p.next };
      },
    });
    fake.failNext('LookupEvents', () => awsError('ThrottlingException', 'Rate exceeded'));
    const log = new CloudTrailEventLog(fake as unknown as CloudTrailClient, {
      region: 'us-east-1',
      retry: { clock, random: () => 0 },
    });
    const seen: string[] = [];
    const query = { eventSource: 'glue.amazonaws.com', startTime: new Date(0), endTime: new Date(1000) };
    for await (const event of log.lookupEvents(query)) seen.push(event.EventId ?? '');
    expect(seen).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6']);
    expect(fake.calls[0]?.input.LookupAttributes).toEqual([
      { AttributeKey: 'EventSource', AttributeValue: 'glue.amazonaws.com' },
    ]);
    expect(fake.callsOf('LookupEvents')).toHaveLength(5);
    // 5 requests at ≤ 2/s: after the 2-token burst, at least 500 ms apart.
    for (let i = 2; i < requestTimes.length; i++) {
      expect((requestTimes[i] ?? 0) - (requestTimes[i - 1] ?? 0)).toBeGreaterThanOrEqual(500);
    }
  });
});
