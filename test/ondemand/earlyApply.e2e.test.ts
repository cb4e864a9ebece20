import { GetTablesCommand, UpdateTableCommand } from '@aws-sdk/client-glue';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordingOutput } from '../../src/engine/output.ts';
import { createRuntime, runSync, runVerify } from '../../src/ondemand/index.ts';
import { demoConfig, startSeededCloud } from '../support/demoSync.ts';
import { holdSourcePartitions } from '../support/holdSource.ts';
import { callsIn, clientsFor, failure, writeCalls } from '../support/localCloud.ts';

const SOURCE = 'us-east-1';

/** Holds the source's partition reads, from the `from`-th table on, until the target has written partitions. */
function holdSourceUntilTargetWrote(cloud: LocalCloud, target: string, from: number, then?: () => void) {
  return holdSourcePartitions({
    sourceRegion: SOURCE,
    from,
    until: () => (callsIn(cloud, target)['glue:BatchCreatePartition'] ?? 0) > 0,
    ...(then ? { then } : {}),
  });
}

describe('early apply: a sync writes the target while the source snapshot is still being read', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startSeededCloud();
  });
  afterAll(() => cloud.stop());

  it('creates partitions in the target before the source is read, and never re-reads what it created', async () => {
    const target = 'eu-central-1';
    const config = demoConfig(cloud, { targets: [{ region: target }] });
    cloud.stats.reset();
    const { held, wrapSide } = holdSourceUntilTargetWrote(cloud, target, 3);

    const report = await runSync(createRuntime(config, { wrapSide }));

    expect(held).toEqual({ released: true, timedOut: false });
    const result = report.targets[0]!;
    expect(result.error).toBeUndefined();
    expect(result.failures).toEqual([]);
    expect(result.counts.table?.created).toBeGreaterThan(15);
    // Each object written once; the target's partitions were never read (every table was new there).
    const calls = callsIn(cloud, target);
    expect(calls['glue:CreateTable']).toBe(result.counts.table?.created);
    expect(calls['glue:GetPartitions'] ?? 0).toBe(0);
    expect((await runVerify(createRuntime(config))).inSync).toBe(true);
  });

  it('a snapshot that fails midway leaves only creates in the target; the next sync completes it', async () => {
    const target = 'ap-southeast-2';
    const config = demoConfig(cloud, { targets: [{ region: target }] });
    cloud.stats.reset();
    const output = recordingOutput();
    const { held, wrapSide } = holdSourceUntilTargetWrote(cloud, target, 4, () => {
      throw new Error('us-east-1 stopped answering');
    });

    const error = await failure(runSync(createRuntime(config, { wrapSide, output })));

    expect(error.message).toContain('us-east-1 stopped answering');
    expect(held.released).toBe(true);
    const writes = Object.keys(writeCalls(cloud, target));
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.filter((op) => /Delete|Update|Revoke|Remove|Deregister/.test(op))).toEqual([]);
    expect(output.notices).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        code: 'sync.partialCreates',
        message: expect.stringContaining(target),
      }),
    );

    const next = await runSync(createRuntime(config));
    expect(next.targets[0]!.failures).toEqual([]);
    expect((await runVerify(createRuntime(config))).inSync).toBe(true);
  });

  it('a sync that updates a table plans partitions from its safety snapshot: each target table is read once', async () => {
    const target = 'sa-east-1';
    const config = demoConfig(cloud, { targets: [{ region: target }] });
    await runSync(createRuntime(config));
    const glue = clientsFor(cloud, SOURCE).glue;
    const [table] = (await glue.send(new GetTablesCommand({ DatabaseName: 'sales' }))).TableList ?? [];
    await glue.send(
      new UpdateTableCommand({
        DatabaseName: 'sales',
        TableInput: {
          Name: table!.Name,
          TableType: table!.TableType,
          StorageDescriptor: table!.StorageDescriptor,
          PartitionKeys: table!.PartitionKeys,
          Parameters: table!.Parameters,
          Description: 'changed for the safety snapshot test',
        },
      }),
    );
    cloud.stats.reset();

    const report = await runSync(createRuntime(config));

    expect(report.targets[0]!.safetySnapshot).toBeDefined();
    expect(report.targets[0]!.counts.table?.updated).toBe(1);
    const sourceReads = callsIn(cloud, SOURCE)['glue:GetPartitions'];
    expect(sourceReads).toBeGreaterThan(0);
    expect(callsIn(cloud, target)['glue:GetPartitions']).toBe(sourceReads);
  });
  it('a re-sync with nothing to change reads the source snapshot back once, not once per pass', async () => {
    const target = 'ca-central-1';
    const config = demoConfig(cloud, { targets: [{ region: target }] });
    await runSync(createRuntime(config));
    const runtime = createRuntime(config);
    const readsOf = new Map<string, number>();
    const store = runtime.store;
    const counted = {
      ...runtime,
      store: Object.assign(Object.create(store), {
        readLines(uri: string, ...rest: unknown[]) {
          readsOf.set(uri, (readsOf.get(uri) ?? 0) + 1);
          return (store.readLines as (...a: unknown[]) => AsyncIterable<string>).call(store, uri, ...rest);
        },
      }),
    };

    const report = await runSync(counted);

    expect(report.targets[0]!.status).toBe('unchanged');
    expect(report.targets[0]!.counts.partition?.unchanged).toBeGreaterThan(0);
    expect(readsOf.get(report.snapshot.uri!)).toBe(1);
  });
});
