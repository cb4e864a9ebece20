import { apiCallEvent } from '@lakemirror/localcloud';
import { describe, expect, it } from 'vitest';
import type { EventTable } from '../../src/realtime/eventTable/eventTable.ts';
import type { CollectReport, ReplayReport } from '../../src/realtime/index.ts';
import type { PushMessage, PushQueue } from '../../src/realtime/push/pushQueue.ts';
import { PushWatcher } from '../../src/realtime/push/pushWatcher.ts';

/** An empty queue: every receive answers nothing. */
const emptyQueue = {
  queueName: 'q',
  receive: async () => [],
  delete: async () => 0,
  retryAfter: async () => {},
  depth: async () => 0,
} as unknown as PushQueue;

/** A push message carrying an UpdateTable call on table `t<n>` (event id `e-<n>`). */
const updateMessage = (n: number): PushMessage => ({
  messageId: `m-${n}`,
  receiptHandle: `r-${n}`,
  receiveCount: 1,
  body: JSON.stringify(
    apiCallEvent({
      eventID: `e-${n}`,
      eventName: 'UpdateTable',
      eventSource: 'glue.amazonaws.com',
      eventTime: '2026-12-03T06:00:00Z',
      awsRegion: 'us-east-1',
      recipientAccountId: '123456789012',
      readOnly: false,
      requestParameters: { databaseName: 'sales', tableInput: { name: `t${n}` } },
    }),
  ),
});

/** An event table that stages everything, recording the event ids in order. */
function recordingTable(staged: string[]): EventTable {
  return {
    putEventIfAbsent: async (item: { eventId: string }) => {
      staged.push(item.eventId);
      return 'inserted';
    },
  } as unknown as EventTable;
}

describe('PushWatcher', () => {
  it('runs the backstop lookup on its first tick, then every lookupEveryMinutes', async () => {
    let now = 0;
    let lookups = 0;
    const watcher = new PushWatcher({
      queue: emptyQueue,
      table: {} as EventTable,
      config: { sourceRegion: 'us-east-1', lookupEveryMinutes: 15 },
      collect: async () => {
        lookups += 1;
        return { staged: 0 } as CollectReport;
      },
      replay: async () => ({}) as ReplayReport,
      clock: () => now,
      waitSeconds: 0,
    });
    await watcher.tick();
    expect(lookups).toBe(1);
    now = 14 * 60_000;
    await watcher.tick();
    expect(lookups).toBe(1);
    now = 15 * 60_000;
    const report = await watcher.tick();
    expect(lookups).toBe(2);
    expect(report.replay).toBeUndefined();
  });

  it('stages what arrives while a replay runs, and the next tick replays it without waiting on the queue', async () => {
    const arriving: PushMessage[] = [updateMessage(1)];
    const waits: number[] = [];
    const queue = {
      ...emptyQueue,
      receive: async (waitSeconds: number) => {
        waits.push(waitSeconds);
        return arriving.splice(0, 10);
      },
    } as unknown as PushQueue;
    const staged: string[] = [];
    const table = recordingTable(staged);
    const replays: string[][] = [];
    const watcher = new PushWatcher({
      queue,
      table,
      config: { sourceRegion: 'us-east-1', lookupEveryMinutes: 15 },
      collect: async () => ({ staged: 0 }) as CollectReport,
      replay: async () => {
        replays.push([...staged]);
        // A message arrives while this replay runs.
        if (replays.length === 1) arriving.push(updateMessage(2));
        await new Promise((resolve) => setTimeout(resolve, 20));
        return {} as ReplayReport;
      },
      clock: () => 0,
      waitSeconds: 3,
    });
    const first = await watcher.tick();
    expect(first).toMatchObject({ received: 2, staged: 2 });
    expect(replays).toEqual([['e-1']]);
    expect(staged).toEqual(['e-1', 'e-2']);
    waits.length = 0;
    const second = await watcher.tick();
    // Staged while the first replay ran: replayed at once, the receive not waiting 3 s for more.
    expect(waits[0]).toBe(0);
    expect(replays).toEqual([['e-1'], ['e-1', 'e-2']]);
    expect(second.replay).toBeDefined();
    const third = await watcher.tick();
    expect(third.replay).toBeUndefined();
  });

  it('gathers a burst that is still arriving before it replays, staging each part as it arrives, so one replay reads each object once', async () => {
    // The burst arrives in three parts, one per receive, then stops.
    const parts = [[updateMessage(1), updateMessage(2)], [updateMessage(3)], [updateMessage(4)]];
    const stagedAtReceive: number[] = [];
    const queue = {
      ...emptyQueue,
      receive: async () => {
        stagedAtReceive.push(staged.length);
        return parts.shift() ?? [];
      },
    } as unknown as PushQueue;
    const staged: string[] = [];
    const table = recordingTable(staged);
    const replays: string[][] = [];
    const watcher = new PushWatcher({
      queue,
      table,
      config: { sourceRegion: 'us-east-1', lookupEveryMinutes: 15 },
      collect: async () => ({ staged: 0 }) as CollectReport,
      replay: async () => {
        replays.push([...staged]);
        return {} as ReplayReport;
      },
      clock: () => 0,
      waitSeconds: 0,
    });
    const tick = await watcher.tick();
    expect(tick.received).toBe(4);
    expect(replays).toEqual([['e-1', 'e-2', 'e-3', 'e-4']]);
    // Each part was staged while the next one was awaited, not all of them after the burst ended.
    expect(stagedAtReceive.slice(0, 4)).toEqual([0, 2, 3, 4]);
  });
});
