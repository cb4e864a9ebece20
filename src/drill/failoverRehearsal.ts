import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TargetConfig } from '../config/configSchema.ts';
import type { Runtime } from '../engine/runtime.ts';
import { runFailover } from '../failover/runFailover.ts';
import type { FailoverRehearsal } from '../report/reportTypes.ts';

/**
 * `drill --failover`: a soft failover into the scratch Region just restored (never a real target), timed
 * step by step. It does not drain the event table (its items belong to the real targets) and promotes even
 * when the scratch copy lags the source (`force`): the drill measures time; drift is judged by verify.
 */
export async function rehearseFailover(
  scratchRuntime: Runtime,
  scratch: TargetConfig,
  restoreMs: number,
): Promise<FailoverRehearsal> {
  const directory = await mkdtemp(join(tmpdir(), 'lakemirror-drill-failover-'));
  try {
    const report = await runFailover(scratchRuntime, {
      to: scratch.region,
      mode: 'soft',
      force: true,
      rehearsal: true,
      reversedConfigPath: join(directory, 'reversed.json'),
    });
    const steps = report.steps.map((s) => ({ name: s.name, ms: s.durationMs }));
    const total = restoreMs + steps.reduce((n, s) => n + s.ms, 0);
    return { minutes: Math.round(total / 6) / 10_000, steps };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
