import { describe, expect, it } from 'vitest';
import type { EventTable } from '../../src/realtime/eventTable/eventTable.ts';
import type { CollectReport, ReplayReport } from '../../src/realtime/index.ts';
import type { PushQueue } from '../../src/realtime/push/pushQueue.ts';
import { PushWatcher } from '../../src/realtime/push/pushWatcher.ts';

/** An empty queue: every receive answers nothing. */
const emptyQueue = {
  queueName: 'q',
  receive: async () => [],
  delete: async () => 0,
  retryAfter: async () => {},
  depth: async () => 0,
} as unknown as PushQueue;

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
});
