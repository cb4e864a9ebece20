import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RealtimeLake, SOURCE, startRealtimeLake, TARGET } from '../realtime/support/realtimeLake.ts';
import { cli } from '../support/cli.ts';
import { reversedPath } from './support.ts';

describe('lakemirror failover (CLI)', () => {
  let lake: RealtimeLake;
  beforeAll(async () => {
    lake = await startRealtimeLake();
  });
  afterAll(async () => {
    await lake.stop();
  });

  it('--dry-run prints every step and exits 2; a hard failover prints its JSON report and exits 0', async () => {
    const config = await lake.freshConfig();
    const file = join(config.snapshots.uri, 'lakemirror.json');
    writeFileSync(file, JSON.stringify(config));
    const reversed = reversedPath();

    const dry = await cli(['failover', '--config', file, '--to', TARGET, '--mode', 'hard', '--dry-run']);
    expect(dry.code).toBe(2);
    expect(dry.stdout).toContain('planned     rpo: read the replication state kept in us-west-2');
    expect(dry.stdout).toContain('rewrite-links');

    const run = await cli([
      'failover',
      ...['--config', file, '--to', TARGET, '--mode', 'hard', '--json', '--reversed-config', reversed],
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ kind: 'lakemirror.failover', promoted: true, from: SOURCE, to: TARGET });
    expect(JSON.parse(await readFile(reversed, 'utf8')).source.region).toBe(TARGET);
  });
});
