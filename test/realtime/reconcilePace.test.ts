import { describe, expect, it } from 'vitest';
import { newCursor } from '../../src/realtime/reconcile/cursor.ts';
import { paceReconcile } from '../../src/realtime/reconcile/pace.ts';

const START = new Date('2026-01-01T00:00:00.000Z');
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
const databases = Array.from({ length: 12 }, (_, i) => `db${String(i).padStart(2, '0')}`);

describe('paceReconcile', () => {
  it('spreads a cycle evenly over everyMinutes and takes all that is left once the time is up', () => {
    const cursor = newCursor(START);
    const pace = (minutes: number) =>
      paceReconcile({ databases, cursor, now: at(minutes), everyMinutes: 60, budget: 10_000 });
    expect(pace(0).take).toEqual([]);
    expect(pace(15).take).toEqual(databases.slice(0, 3));
    cursor.done = databases.slice(0, 3);
    expect(pace(15).take).toEqual([]);
    expect(pace(61).take).toEqual(databases.slice(3));
    expect(pace(61).remaining).toBe(0);
  });

  it('caps a run at the call budget, one database at least, and says how many it deferred', () => {
    const cursor = { ...newCursor(START), callsPerDatabase: 100 };
    const over = paceReconcile({ databases, cursor, now: at(60), everyMinutes: 60, budget: 350 });
    expect(over.take).toEqual(databases.slice(0, 3));
    expect(over.deferred).toBe(9);
    const starved = paceReconcile({ databases, cursor, now: at(60), everyMinutes: 60, budget: 5 });
    expect(starved.take).toHaveLength(1);
  });

  it('makes everything due at once when the collector lost its history', () => {
    const decision = paceReconcile({
      databases,
      cursor: newCursor(START),
      now: START,
      everyMinutes: 60,
      budget: 10_000,
      overdue: true,
    });
    expect(decision.take).toEqual(databases);
  });
});
