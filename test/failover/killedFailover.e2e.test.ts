import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DescribeRuleCommand, EventBridgeClient, PutRuleCommand } from '@aws-sdk/client-eventbridge';
import { GetDatabaseCommand, GetTableCommand } from '@aws-sdk/client-glue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../src/aws/clientFactory.ts';
import { runSync } from '../../src/ondemand/index.ts';
import { deployedRules } from '../../src/realtime/deployedRules.ts';
import { type RealtimeLake, SOURCE, startRealtimeLake, TARGET } from '../realtime/support/realtimeLake.ts';
import { createSourceLinks } from './support.ts';

/**
 * A real `lakemirror failover` process, SIGKILLed in the middle (at its first catalog write in the promoted
 * Region: the link rewrite, after the journaled steps before it), then run again: the rerun finishes the job.
 * Checked with plain SDK reads, not with lakemirror's own verify or journal.
 */
describe('a failover killed halfway and rerun completes', () => {
  let lake: RealtimeLake;
  let dir: string;
  let events: EventBridgeClient;
  beforeAll(async () => {
    lake = await startRealtimeLake();
    events = new EventBridgeClient({
      region: SOURCE,
      endpoint: lake.cloud.endpoint,
      credentials: LOCAL_CREDENTIALS,
    });
    dir = mkdtempSync(join(tmpdir(), 'lakemirror-killed-failover-'));
    // The CLI bundled once into the temporary directory, as `npm run build` would.
    const bundle = spawnSync(process.execPath, ['scripts/build.mjs', '--bundle-only', join(dir, 'cli')], {
      encoding: 'utf8',
    });
    expect(bundle.status, bundle.stderr).toBe(0);
    symlinkSync(resolve('node_modules'), join(dir, 'cli', 'node_modules'));
    writeFileSync(
      join(dir, 'cli', 'run.mjs'),
      "const { main } = await import('./cli.js');\nprocess.exitCode = await main(process.argv);\n",
    );
  });
  afterAll(async () => {
    events.destroy();
    await lake.stop();
  });

  /** Runs `lakemirror failover` as a process; kills it (SIGKILL) at its first write the target answers. */
  const failover = (args: string[], killAtFirstTargetWrite: boolean) =>
    new Promise<{ code: number | null; killed: boolean }>((done, fail) => {
      const { trail } = lake.cloud;
      const append = trail.append;
      const child = spawn(process.execPath, [join(dir, 'cli', 'run.mjs'), 'failover', ...args], {
        stdio: 'ignore',
        env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      });
      if (killAtFirstTargetWrite)
        trail.append = (account, region, event) => {
          append.call(trail, account, region, event);
          if (region === TARGET && !event.readOnly) child.kill('SIGKILL');
        };
      child.on('error', fail);
      child.on('exit', (code, signal) => {
        trail.append = append;
        done({ code, killed: signal === 'SIGKILL' });
      });
    });

  it('the rerun rewrites the links, disables the deployed rules and writes the reversed config', async () => {
    const config = await lake.freshConfig();
    await createSourceLinks(lake, 'killed');
    await runSync(lake.runtime(config));
    const rules = deployedRules(config.realtime.eventTable).slice(0, 2);
    for (const rule of rules)
      await events.send(new PutRuleCommand({ Name: rule.name, ScheduleExpression: 'rate(5 minutes)' }));
    const file = join(dir, 'lakemirror.json');
    writeFileSync(file, JSON.stringify(config));
    const reversed = join(dir, 'lakemirror.reversed.json');
    const args = ['--config', file, '--to', TARGET, '--mode', 'soft', '--reversed-config', reversed];

    const first = await failover(args, true);

    expect(first.killed).toBe(true);
    expect(existsSync(reversed)).toBe(false);
    // Steps before the link rewrite ran: the deployed rules are already disabled.
    for (const rule of rules)
      expect((await events.send(new DescribeRuleCommand({ Name: rule.name }))).State).toBe('DISABLED');

    const rerun = await failover(args, false);

    expect(rerun).toEqual({ code: 0, killed: false });
    const db = await lake.target.glue.send(new GetDatabaseCommand({ Name: 'sales_link_killed' }));
    expect(db.Database?.TargetDatabase?.Region).toBe(TARGET);
    const link = await lake.target.glue.send(
      new GetTableCommand({ DatabaseName: 'sales', Name: 'orders_link_killed' }),
    );
    expect(link.Table?.TargetTable?.Region).toBe(TARGET);
    expect(JSON.parse(await readFile(reversed, 'utf8')).source.region).toBe(TARGET);
    for (const rule of rules)
      expect((await events.send(new DescribeRuleCommand({ Name: rule.name }))).State).toBe('DISABLED');
  });
});
