import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObjectRef } from '../../src/realtime/events/objectRef.ts';
import type { StagedEvent } from '../../src/realtime/events/parseCloudTrailEvent.ts';
import { createEventTable } from '../../src/realtime/eventTable/createEventTable.ts';
import {
  type EventItem,
  PENDING_SHARDS,
  shardOf,
  toEventItems,
} from '../../src/realtime/eventTable/items.ts';
import { startTestCloud } from '../support/localCloud.ts';
import { freshEventTable } from './support/eventTableFixture.ts';

const NOW = new Date('2024-05-01T12:00:00.000Z');

function event(eventId: string, eventTime: string, objects: ObjectRef[]): StagedEvent {
  return {
    eventId,
    eventTime,
    eventName: 'BatchCreatePartition',
    eventSource: 'glue.amazonaws.com',
    region: 'us-east-1',
    accountId: '123456789012',
    objects,
  };
}

const tableRef = (t: string): ObjectRef => ({ kind: 'table', database: 'sales', table: t });
const items = (e: StagedEvent, stagedAt = NOW, retentionDays = 14) =>
  toEventItems(e, { stagedAt, retentionDays });

describe('event table (dynalite through the real DynamoDB client)', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud();
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('creates the table idempotently', async () => {
    const { documents, name } = await freshEventTable(cloud);
    await expect(createEventTable(documents, name)).resolves.toEqual({ created: false, ttl: 'unsupported' });
  });

  it('stages each (event, object) once: a second put of the same key is a duplicate', async () => {
    const { table } = await freshEventTable(cloud);
    const batch = event('e-1', '2024-05-01T10:00:00.000Z', [
      { kind: 'partition', database: 'sales', table: 'orders', values: ['1'] },
      { kind: 'partition', database: 'sales', table: 'orders', values: ['2'] },
      { kind: 'partition', database: 'sales', table: 'orders', values: ['3'] },
    ]);
    const staged = items(batch);
    expect(staged.map((i) => i.pk)).toEqual(['EVT#e-1#0', 'EVT#e-1#1', 'EVT#e-1#2']);
    expect(items(event('e-2', '2024-05-01T10:00:00.000Z', [tableRef('a')]))[0]!.pk).toBe('EVT#e-2');
    for (const item of staged) expect(await table.putEventIfAbsent(item)).toBe('inserted');
    // Read again later (the overlap window): same keys, nothing changes.
    const again = items(batch, new Date(NOW.getTime() + 60_000));
    for (const item of again) expect(await table.putEventIfAbsent(item)).toBe('duplicate');
    expect(await table.listRecent({ since: new Date(0) })).toEqual(staged);
  });

  it('hands out pending items of all shards ordered by event time, and skips applied ones', async () => {
    const { table } = await freshEventTable(cloud);
    const refs = Array.from({ length: 24 }, (_, n) => tableRef(`t${n}`));
    const shards = new Set(refs.map((r) => shardOf(`table:sales.${(r as { table: string }).table}`)));
    expect(shards.size).toBeGreaterThan(PENDING_SHARDS / 2);
    // Written newest first, times spread over shards.
    const all = refs.map(
      (ref, n) =>
        items(event(`e-${n}`, new Date(Date.UTC(2024, 4, 1, 9, 0, 24 - n)).toISOString(), [ref]))[0]!,
    );
    for (const item of all) await table.putEventIfAbsent(item);
    const pending = await table.queryPending({ limit: 100, now: NOW });
    expect(pending.map((i) => i.eventId)).toEqual(all.map((i) => i.eventId).reverse());
    expect(pending.every((i) => i.status === 'pending' && i.pendingShard === shardOf(i.objectKey))).toBe(
      true,
    );

    const first5 = await table.queryPending({ limit: 5, now: NOW });
    expect(first5.map((i) => i.eventId)).toEqual(['e-23', 'e-22', 'e-21', 'e-20', 'e-19']);
    for (const item of first5) expect(await table.markApplied(item, NOW)).toBe('applied');
    // A second replay of the same item does not mark it twice.
    expect(await table.markApplied(first5[0]!, new Date(NOW.getTime() + 1000))).toBe('notPending');
    const rest = await table.queryPending({ limit: 100, now: NOW });
    expect(rest).toHaveLength(19);
    expect(rest[0]!.eventId).toBe('e-18');

    const applied = (await table.listRecent({ since: new Date(0) })).find((i) => i.eventId === 'e-23')!;
    expect(applied).toMatchObject({
      status: 'applied',
      appliedAt: NOW.toISOString(),
      lagMs: 3 * 3600_000 - 1000,
    });
    expect(applied.pendingShard).toBeUndefined();
    expect(applied.pendingSort).toBeUndefined();
  });

  it('retries with a delay, then marks failed after maxAttempts; stale attempts do not count twice', async () => {
    const { table } = await freshEventTable(cloud);
    const [item] = items(event('e-f', '2024-05-01T11:00:00.000Z', [tableRef('orders')]));
    await table.putEventIfAbsent(item!);
    let current: EventItem | undefined = item!;
    const retryAt = new Date(NOW.getTime() + 60_000);
    expect(await table.markFailedAttempt(current, 'AccessDenied', retryAt, 3)).toBe('retry');
    // The same (stale) item again: a second replayer's report of the same attempt.
    expect(await table.markFailedAttempt(current, 'AccessDenied', retryAt, 3)).toBe('stale');
    expect(await table.queryPending({ limit: 10, now: NOW })).toEqual([]);
    [current] = await table.queryPending({ limit: 10, now: retryAt });
    expect(current).toMatchObject({
      attempts: 1,
      lastError: 'AccessDenied',
      nextAttemptAt: retryAt.toISOString(),
    });
    expect(await table.markFailedAttempt(current!, 'again', retryAt, 3)).toBe('retry');
    [current] = await table.queryPending({ limit: 10, now: retryAt });
    expect(await table.markFailedAttempt(current!, 'last', retryAt, 3)).toBe('failed');
    expect(await table.queryPending({ limit: 10, now: new Date(NOW.getTime() + 86_400_000) })).toEqual([]);
    const [failed] = await table.listRecent({ since: new Date(0) });
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, lastError: 'last' });
    expect(failed!.pendingShard).toBeUndefined();
    expect(await table.markApplied(current!, NOW)).toBe('notPending');
  });

  it('ignores expired items without relying on TTL deletion', async () => {
    const { table } = await freshEventTable(cloud);
    const old = items(
      event('e-old', '2024-04-01T00:00:00.000Z', [tableRef('a')]),
      new Date('2024-04-01T00:00:00Z'),
      14,
    );
    const fresh = items(event('e-new', '2024-05-01T00:00:00.000Z', [tableRef('b')]));
    for (const item of [...old, ...fresh]) await table.putEventIfAbsent(item);
    expect((await table.queryPending({ limit: 10, now: NOW })).map((i) => i.eventId)).toEqual(['e-new']);
    expect(await table.listRecent({ since: new Date('2024-04-15T00:00:00Z') })).toHaveLength(1);
  });

  it('advances the checkpoint with a version check: of two concurrent collectors one loses cleanly', async () => {
    const { table } = await freshEventTable(cloud);
    expect(await table.readCheckpoint('us-east-1')).toBeUndefined();
    const [a, b] = await Promise.all([
      table.advanceCheckpoint('us-east-1', 0, new Date('2024-05-01T10:00:00Z')),
      table.advanceCheckpoint('us-east-1', 0, new Date('2024-05-01T10:00:01Z')),
    ]);
    expect([a, b].sort()).toEqual([false, true]);
    const first = await table.readCheckpoint('us-east-1');
    expect(first?.version).toBe(1);
    expect(await table.advanceCheckpoint('us-east-1', 1, new Date('2024-05-01T10:05:00Z'))).toBe(true);
    expect(await table.advanceCheckpoint('us-east-1', 1, new Date('2024-05-01T10:06:00Z'))).toBe(false);
    expect(await table.readCheckpoint('us-east-1')).toEqual({
      checkpointTime: '2024-05-01T10:05:00.000Z',
      version: 2,
    });
    expect(await table.readCheckpoint('eu-west-1')).toBeUndefined();
  });

  it('pages through a shard when filtered-out items fill the first pages', async () => {
    const { table } = await freshEventTable(cloud);
    const ref = tableRef('hot');
    const later = new Date(NOW.getTime() + 3600_000);
    const all: EventItem[] = [];
    for (let n = 0; n < 30; n++) {
      const [item] = items(
        event(`h-${String(n).padStart(2, '0')}`, `2024-05-01T09:00:${String(n).padStart(2, '0')}.000Z`, [
          ref,
        ]),
      );
      all.push(item!);
      await table.putEventIfAbsent(item!);
    }
    // The 25 oldest wait for a retry: the query must read past them to find 5 due items.
    for (const item of all.slice(0, 25)) await table.markFailedAttempt(item, 'x', later, 5);
    const due = await table.queryPending({ limit: 5, now: NOW });
    expect(due.map((i) => i.eventId)).toEqual(['h-25', 'h-26', 'h-27', 'h-28', 'h-29']);
  });
});
