import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnce } from '../../src/realtime/index.ts';
import { createView, tableArn, updateView, viewOf } from '../support/views.ts';
import {
  ACCOUNT,
  type RealtimeLake,
  roleArn,
  SOURCE,
  startRealtimeLake,
  TARGET,
} from './support/realtimeLake.ts';

/** A view created and changed in the source reaches the target by its CloudTrail events, placed in the target Region. */
describe('real-time replay of multi-dialect views', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });

  it('created, then changed, each by one run-once', async () => {
    const config = await lake.freshConfig();
    const orders = (region: string) => [tableArn(region, ACCOUNT, 'sales', 'orders')];
    await createView(lake.source, 'sales', 'v_orders', roleArn('analyst'), orders(SOURCE));
    expect((await runOnce(lake.runtime(config))).replay.failures).toEqual([]);
    expect(await viewOf(lake.target, 'sales', 'v_orders')).toEqual({
      definer: roleArn('analyst'),
      subObjects: orders(TARGET),
      sql: ['ATHENA:SELECT id FROM orders'],
    });

    await updateView(lake.source, 'sales', 'v_orders', roleArn('auditor'), orders(SOURCE), 'SELECT 2');
    expect((await runOnce(lake.runtime(config))).replay.failures).toEqual([]);
    expect(await viewOf(lake.target, 'sales', 'v_orders')).toEqual({
      definer: roleArn('auditor'),
      subObjects: orders(TARGET),
      sql: ['ATHENA:SELECT 2'],
    });
    expect((await lake.verify(config)).inSync).toBe(true);
  });
});
