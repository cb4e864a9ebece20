import { describe, expect, it } from 'vitest';
import { DependencyGate } from '../../../src/engine/early/dependencyGate.ts';
import { GRANTS_PER_BATCH, GrantBatcher } from '../../../src/engine/early/grantBatcher.ts';
import type { ActionOf } from '../../../src/plan/actions.ts';

describe('DependencyGate', () => {
  it('holds work until every announced prerequisite is created, and answers false when one failed', async () => {
    const gate = new DependencyGate();
    gate.announce('database:sales');
    gate.announce('lfTag:env');
    const order: string[] = [];
    const table = gate.ready(['database:sales', 'lfTag:env']).then((ok) => order.push(`table ${ok}`));
    const other = gate.ready(['lfTag:env', 'location:x']).then((ok) => order.push(`other ${ok}`));
    await Promise.resolve();
    expect(order).toEqual([]);
    gate.settle('lfTag:env', true);
    await other;
    expect(order).toEqual(['other true']);
    gate.settle('database:sales', false);
    gate.settle('database:sales', true); // the first report wins
    await table;
    expect(order).toEqual(['other true', 'table false']);
  });

  it('treats what nobody announced as present', async () => {
    const gate = new DependencyGate();
    expect(await gate.ready(['table:sales.orders'])).toBe(true);
    expect(gate.isAnnounced('table:sales.orders')).toBe(false);
  });
});

describe('GrantBatcher', () => {
  const grantAction = (i: number) => ({ kind: 'grant', op: 'create', key: `g${i}` }) as ActionOf<'grant'>;

  it('sends full batches as grants become ready, and the rest on flush', async () => {
    const sent: string[][] = [];
    const batcher = new GrantBatcher(async (batch) => {
      sent.push(batch.map((g) => g.key));
    });
    const pending: Array<Promise<void> | undefined> = [];
    for (let i = 0; i < GRANTS_PER_BATCH * 2 + 3; i++) pending.push(batcher.add(grantAction(i)));
    await Promise.all(pending);
    expect(sent.map((b) => b.length)).toEqual([GRANTS_PER_BATCH, GRANTS_PER_BATCH]);
    await batcher.flush();
    await batcher.flush();
    expect(sent.map((b) => b.length)).toEqual([GRANTS_PER_BATCH, GRANTS_PER_BATCH, 3]);
    expect(sent.flat()).toEqual(Array.from({ length: GRANTS_PER_BATCH * 2 + 3 }, (_, i) => `g${i}`));
  });
});
