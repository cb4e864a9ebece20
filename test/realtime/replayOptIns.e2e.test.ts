import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runOnce } from '../../src/realtime/index.ts';
import { onDatabase, onTable, optIn, optInsOf, optOut } from '../support/optIns.ts';
import { type RealtimeLake, roleArn, startRealtimeLake } from './support/realtimeLake.ts';

/** Opt-ins made and removed in the source reach the target through their CloudTrail events. */
describe('real-time replay of Lake Formation opt-ins', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });

  it('an opt-in created, then its condition changed, then removed, each by one run-once', async () => {
    const config = await lake.freshConfig();
    await optIn(lake.source, roleArn('analyst'), onTable('sales', 'orders'));
    await optIn(lake.source, roleArn('auditor'), onDatabase('finance'));
    const created = await runOnce(lake.runtime(config));
    expect(created.replay.failures).toEqual([]);
    expect(await optInsOf(lake.target)).toEqual(await optInsOf(lake.source));
    expect(await optInsOf(lake.target)).toHaveLength(2);
    expect((await lake.verify(config)).inSync).toBe(true);

    await optOut(lake.source, roleArn('analyst'), onTable('sales', 'orders'));
    await optIn(lake.source, roleArn('analyst'), onTable('sales', 'orders'), "context.team = 'a'");
    await optOut(lake.source, roleArn('auditor'), onDatabase('finance'));
    const changed = await runOnce(lake.runtime(config));
    expect(changed.replay.failures).toEqual([]);
    expect(await optInsOf(lake.target)).toEqual([
      `${roleArn('analyst')}|{"Table":{"DatabaseName":"sales","Name":"orders"}}|context.team = 'a'`,
    ]);
    expect((await lake.verify(config)).inSync).toBe(true);
  });

  it('an opt-in outside the filters is not replicated; one inside them in the same run is', async () => {
    const config = await lake.freshConfig({ filters: { databases: { exclude: ['marketing'] } } });
    const before = await optInsOf(lake.target);
    await optIn(lake.source, roleArn('analyst'), onDatabase('marketing'));
    await optIn(lake.source, roleArn('etl-job'), onDatabase('sales'));
    const run = await runOnce(lake.runtime(config));
    expect(run.replay.failures).toEqual([]);
    expect(await optInsOf(lake.target)).toEqual(
      [...before, `${roleArn('etl-job')}|{"Database":{"Name":"sales"}}|`].sort(),
    );
  });
});
