import { spawn } from 'node:child_process';
import { GetDatabasesCommand, GetTablesCommand } from '@aws-sdk/client-glue';
import type { LocalCloud } from '@lakemirror/localcloud';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfigFile } from '../reliability/support.ts';
import { readAudit } from '../support/audit.ts';
import { startSeededCloud } from '../support/demoSync.ts';
import { clientsFor, writeCalls } from '../support/localCloud.ts';

/** `lakemirror sync` as a process of its own; answers its exit code and everything it printed. */
function syncProcess(config: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/run-ts.mjs', 'test/support/runCli.ts', 'sync', '--config', config, '--wait', '3m'],
      { env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
    );
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += String(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('two sync processes on one fresh target', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startSeededCloud();
  });
  afterAll(() => cloud.stop());

  it('the lease serialises them; the second reports nothing to do, no failure; each object is created once', async () => {
    const files = demoConfigFile(cloud);
    cloud.stats.reset();
    const runs = await Promise.all([syncProcess(files.path), syncProcess(files.path)]);
    for (const run of runs) expect(run.code, run.output).toBe(0);
    const idle = runs.filter((r) =>
      r.output.includes('Nothing to do: us-west-2 already matches the source.'),
    );
    expect(idle).toHaveLength(1);
    expect(idle[0]!.output).not.toMatch(/\bfailed\b.*[1-9]|AlreadyExists/);
    const { glue } = clientsFor(cloud, 'us-west-2');
    const databases = (await glue.send(new GetDatabasesCommand({}))).DatabaseList!.map((d) => d.Name!);
    const tables = (
      await Promise.all(databases.map((DatabaseName) => glue.send(new GetTablesCommand({ DatabaseName }))))
    ).reduce((n, page) => n + (page.TableList?.length ?? 0), 0);
    expect(writeCalls(cloud, 'us-west-2')['glue:CreateTable']).toBe(tables);
    const audit = await readAudit(`${files.dir}/audit`);
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.filter((e) => e.result !== 'ok')).toEqual([]);
  });
});
