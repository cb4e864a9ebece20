import type { TargetConfig } from '../config/configSchema.ts';
import { acquireLease, type HeldLease } from '../lease/targetLease.ts';
import type { Runtime } from './runtime.ts';

/**
 * Takes the lease of every target of a run, in config order (one order for every writer, so two runs
 * with overlapping targets cannot each hold one the other waits for). If one is refused, those taken
 * are released and the refusal (naming the holder) is thrown: nothing has been written yet.
 */
export async function holdTargets(
  runtime: Runtime,
  targets: readonly TargetConfig[],
  request: { runId: string; command: string; waitMs?: number },
): Promise<HeldLease[]> {
  const held: HeldLease[] = [];
  try {
    for (const target of targets) {
      held.push(await acquireLease(runtime.leases, { ...request, target: target.region }));
      runtime.output.phase('lease', `holding ${target.region} as ${request.command} run ${request.runId}`);
    }
    return held;
  } catch (error) {
    await Promise.all(held.map((lease) => lease.release().catch(() => undefined)));
    throw error;
  }
}
