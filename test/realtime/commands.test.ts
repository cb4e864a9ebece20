import { describe, expect, it } from 'vitest';
import {
  advanceCheckpointParams,
  markAppliedParams,
  markFailedAttemptParams,
  putEventIfAbsentParams,
} from '../../src/realtime/eventTable/commands.ts';
import { shardOf, toEventItems } from '../../src/realtime/eventTable/items.ts';

const [item] = toEventItems(
  {
    eventId: 'e-1',
    eventTime: '2024-05-01T10:00:00.000Z',
    eventName: 'DeleteTable',
    eventSource: 'glue.amazonaws.com',
    region: 'us-east-1',
    accountId: '123456789012',
    objects: [{ kind: 'table', database: 'sales', table: 'orders' }],
  },
  { stagedAt: new Date('2024-05-01T10:05:00.000Z'), retentionDays: 14 },
);

describe('event table commands (pure)', () => {
  it('builds a pending item in the sparse index, sharded by object', () => {
    expect(item).toMatchObject({
      pk: 'EVT#e-1',
      sk: 'event',
      status: 'pending',
      attempts: 0,
      pendingShard: shardOf('table:sales.orders'),
      pendingSort: '2024-05-01T10:00:00.000Z#e-1',
      nextAttemptAt: '2024-05-01T10:05:00.000Z',
      expiresAt: Date.parse('2024-05-15T10:05:00.000Z') / 1000,
    });
    expect(shardOf('table:sales.orders')).toMatch(/^P#[0-7]$/);
    expect(putEventIfAbsentParams('t', item!).ConditionExpression).toBe('attribute_not_exists(pk)');
  });

  it('guards the checkpoint by version, the first one by absence', () => {
    expect(advanceCheckpointParams('t', 'us-east-1', 0, 'x')).toMatchObject({
      Key: { pk: 'CHECKPOINT#us-east-1', sk: 'checkpoint' },
      ConditionExpression: 'attribute_not_exists(pk)',
      ExpressionAttributeValues: { ':next': 1 },
    });
    expect(advanceCheckpointParams('t', 'us-east-1', 4, 'x')).toMatchObject({
      ConditionExpression: 'version = :expected',
      ExpressionAttributeValues: { ':expected': 4, ':next': 5 },
    });
  });

  it('removes the index attributes when an item leaves pending', () => {
    const applied = markAppliedParams('t', item!, new Date('2024-05-01T10:10:00.000Z'));
    expect(applied.UpdateExpression).toContain('REMOVE pendingShard, pendingSort');
    expect(applied.ExpressionAttributeValues?.[':lag']).toBe(600_000);
    const retry = markFailedAttemptParams('t', item!, 'boom', new Date(0), 3);
    // A retry stays in the pending index; it only drops a hold it may have had.
    expect(retry.UpdateExpression).not.toContain('pendingShard');
    expect(retry.UpdateExpression).toContain('REMOVE heldReason');
    const last = markFailedAttemptParams('t', { ...item!, attempts: 2 }, 'boom', new Date(0), 3);
    expect(last.UpdateExpression).toContain('REMOVE pendingShard, pendingSort');
    expect(last.ExpressionAttributeValues).toMatchObject({ ':attempts': 2, ':next': 3, ':failed': 'failed' });
  });
});
