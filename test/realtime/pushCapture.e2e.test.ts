import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateDatabaseCommand,
  GetDatabaseCommand,
  GetTableCommand,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
import { GetQueueUrlCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { LakemirrorConfig } from '../../src/config/configSchema.ts';
import { collectOnce, eventTableOf, lagByCapture, type PushTickReport } from '../../src/realtime/index.ts';
import { ACCOUNT, type RealtimeLake, SOURCE, startRealtimeLake } from './support/realtimeLake.ts';

/** Runs `realtime watch --capture push --json` until `done` says the tick reports are enough. */
async function watchPush(config: LakemirrorConfig, done: (reports: PushTickReport[]) => boolean) {
  const file = join(config.snapshots.uri, `push-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify(config));
  const stop = new AbortController();
  const reports: PushTickReport[] = [];
  const errors: string[] = [];
  const host = {
    out: (line: string) => {
      reports.push(JSON.parse(line));
      if (done(reports)) stop.abort();
    },
    err: (line: string) => errors.push(line),
    stop: stop.signal,
  };
  const args = ['realtime', 'watch', '--capture', 'push', '--interval', '1s', '--json', '--config', file];
  const code = await main(['node', 'lakemirror', ...args], host);
  return { code, reports, errors };
}

const applied = (reports: PushTickReport[]) =>
  reports.reduce((n, r) => n + (r.replay?.events.applied ?? 0), 0);

describe('push capture: EventBridge → SQS → stage → replay, with the lookup as backstop', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });
  beforeEach(() => {
    lake.cloud.push.settings = { ...lake.cloud.push.settings, delayMs: 1000, dropRate: 0 };
    lake.cloud.trail.settings.deliveryDelayMs = 0;
  });

  it('replicates a table update through the queue while CloudTrail lookup cannot see it yet, and stages it once', async () => {
    const config = await lake.freshConfig({ realtime: { capture: 'push', lookupEveryMinutes: 60 } });
    // The queue exists once watch created it; a first watch run with nothing to do creates it.
    await watchPush(config, () => true);
    // CloudTrail's event history lags by minutes: the lookup cannot return this change during the test.
    lake.cloud.trail.settings.deliveryDelayMs = 10 * 60_000;
    const table = (
      await lake.source.glue.send(new GetTableCommand({ DatabaseName: 'sales', Name: 'orders' }))
    ).Table!;
    await lake.source.glue.send(
      new UpdateTableCommand({
        DatabaseName: 'sales',
        TableInput: {
          Name: 'orders',
          StorageDescriptor: table.StorageDescriptor,
          Parameters: { pushed: 'yes' },
        },
      }),
    );
    const { code, reports } = await watchPush(config, (r) => applied(r) >= 1);
    expect(code).toBe(0);
    const target = await lake.target.glue.send(
      new GetTableCommand({ DatabaseName: 'sales', Name: 'orders' }),
    );
    expect(target.Table?.Parameters?.pushed).toBe('yes');
    expect(reports.reduce((n, r) => n + r.staged, 0)).toBe(1);

    // CloudTrail catches up and the lookup returns the same event: the conditional put keeps one item.
    for (const event of lake.cloud.trail.list(ACCOUNT, SOURCE)) event.deliverAtMs = Date.now();
    const runtime = lake.runtime(config);
    const collect = await collectOnce(runtime);
    expect(collect.staged).toBe(0);
    expect(collect.duplicates).toBe(1);
    const items = (await eventTableOf(runtime).listRecent({ since: new Date(Date.now() - 60_000) })).filter(
      (i) => i.eventName === 'UpdateTable',
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ capture: 'push', status: 'applied' });
    const lag = lagByCapture(items);
    expect(lag.push.applied).toBe(1);
    expect(lag.lookup.applied).toBe(0);
  });

  it('with 20% of pushed events dropped, every change still arrives through the lookup backstop', async () => {
    const config = await lake.freshConfig({ realtime: { capture: 'push', lookupEveryMinutes: 60 } });
    await watchPush(config, () => true);
    lake.cloud.push.settings.dropRate = 0.2;
    const droppedBefore = lake.cloud.push.dropped;
    const names = Array.from({ length: 10 }, (_, i) => `pushed_${i}`);
    for (const name of names)
      await lake.source.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: name } }));
    expect(lake.cloud.push.dropped - droppedBefore).toBe(2);
    // The first tick of a watch runs the backstop lookup (then every lookupEveryMinutes).
    const { reports } = await watchPush(config, (r) => applied(r) >= names.length);
    const fromLookup = reports.reduce((n, r) => n + (r.lookup?.staged ?? 0), 0);
    expect(fromLookup).toBeGreaterThanOrEqual(2);
    for (const name of names) {
      const found = await lake.target.glue.send(new GetDatabaseCommand({ Name: name }));
      expect(found.Database?.Name).toBe(name);
    }
  });

  it('sends a poison message to the dead-letter queue and reports it, without blocking the others', async () => {
    const config = await lake.freshConfig({ realtime: { capture: 'push', lookupEveryMinutes: 60 } });
    await watchPush(config, () => true);
    const sqs = new SQSClient({
      region: SOURCE,
      endpoint: lake.cloud.endpoint,
      credentials: { accessKeyId: 'AKIA123456789012', secretAccessKey: 'local' },
    });
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: config.realtime.pushQueue }));
    await sqs.send(
      new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'p', MessageBody: '{"not": "an event"' }] }),
    );
    await lake.source.glue.send(new CreateDatabaseCommand({ DatabaseInput: { Name: 'after_poison' } }));
    const { reports } = await watchPush(config, (r) => applied(r) >= 1 && (r.at(-1)?.deadLetters ?? 0) >= 1);
    expect(reports.some((r) => r.poison.some((p) => p.reason.includes('not JSON')))).toBe(true);
    expect(reports.at(-1)?.deadLetters).toBe(1);
    const found = await lake.target.glue.send(new GetDatabaseCommand({ Name: 'after_poison' }));
    expect(found.Database?.Name).toBe('after_poison');
  });
});
