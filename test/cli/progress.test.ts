import { spawn } from 'node:child_process';
import type { LocalCloud } from '@lakemirror/localcloud';
import stripAnsi from 'strip-ansi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lakeTotals } from '../../bench/generateLake.ts';
import { progressLake } from './progressLake.ts';

const COLUMNS = 60;

/** Runs `command` and answers what it printed (stdout and stderr together) and its exit code. */
function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ output: string; code: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ output, code: code ?? -1 }));
  });
}

/** The numbers after `unit` in each of `lines` (e.g. the partitions count of every frame). */
function counts(lines: readonly string[], unit: string): number[] {
  return lines.flatMap((l) =>
    [...l.matchAll(new RegExp(`${unit} ([\\d,]+)`, 'g'))].map((m) => Number(m[1]!.replace(/,/g, ''))),
  );
}

describe('sync progress', () => {
  let lake: Awaited<ReturnType<typeof progressLake>>;
  let cloud: LocalCloud;
  beforeAll(async () => {
    lake = await progressLake();
    cloud = lake.cloud;
  });
  afterAll(async () => {
    await cloud.stop();
  });

  it('on a terminal: live lines with growing counts, redrawn in place, never wider than the terminal', async () => {
    // `script` (util-linux) gives the CLI a pseudo-terminal of COLUMNS columns.
    const cli = `stty cols ${COLUMNS} rows 30 && exec node bin/run-ts.mjs test/support/runCli.ts sync --config ${lake.config} --target us-west-2`;
    const { output, code } = await run('script', ['-qfec', cli, '/dev/null'], { NO_COLOR: '1' });

    expect(code).toBe(0);
    // Redrawn in place: log-update erases the previous frame (ESC[2K erase line, ESC[1A cursor up).
    expect(output).toContain('\x1b[2K');
    for (const colour of ['\x1b[36m', '\x1b[33m']) expect(output).not.toContain(colour); // NO_COLOR
    const lines = stripAnsi(output).split(/\r?\n|\r/);
    const live = lines.filter((l) => l.startsWith('▸ ') || l.startsWith('✓ '));
    for (const line of live) expect(line.length).toBeLessThanOrEqual(COLUMNS);
    const snapshot = live.filter((l) => l.includes('snapshot us-east-1'));
    const partitions = counts(snapshot, 'partitions');
    expect(new Set(partitions).size).toBeGreaterThan(2);
    expect(partitions).toEqual([...partitions].sort((a, b) => a - b));
    expect(Math.max(...partitions)).toBe(4000);
    expect(snapshot.some((l) => /tables \d+\/40/.test(l))).toBe(true);
  });

  it('without a terminal: timestamped lines with the same counts, at most one per phase every 3 s', async () => {
    await cloud.reset();
    const fresh = await progressLake();
    try {
      const { output, code } = await run('node', [
        'bin/run-ts.mjs',
        'test/support/runCli.ts',
        'sync',
        '--config',
        fresh.config,
      ]);

      expect(code).toBe(0);
      expect(output).not.toContain('\x1b[');
      const stamped = output.split('\n').filter((l) => /^\d{4}-\d\d-\d\dT[\d:.]+Z /.test(l));
      const snapshot = stamped.filter((l) => / snapshot us-east-1 · tables \d+\/40 · partitions/.test(l));
      expect(snapshot.length).toBeGreaterThan(0);
      expect(counts(snapshot, 'partitions').at(-1)).toBe(4000);
      // The apply phase says what the early pass already created, not just "N actions". The early pass
      // creates what the source's first reads name (databases, tables, Lake Formation); functions, partition
      // indexes and table statistics are read later and left to the second pass.
      const totals = lakeTotals(fresh.lake);
      const left = totals.functions + totals.partitionIndexes + totals.tablesWithStatistics;
      expect(output).toContain(
        `apply us-west-2: ${left} catalog and permission actions left; 115 objects and 4,000 partitions created while the snapshot was read`,
      );
      const times = snapshot.map((l) => Date.parse(l.slice(0, 24)));
      // Every line but the last (printed when the phase ends) comes at least 3 s after the one before.
      for (let i = 1; i < times.length - 1; i++)
        expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(2900);
    } finally {
      await fresh.cloud.stop();
    }
  });
});
