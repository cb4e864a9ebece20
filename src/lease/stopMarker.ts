import type { TargetConfig } from '../config/configSchema.ts';
import type { Runtime } from '../engine/runtime.ts';
import { targetRegionStore } from './targetRegionStore.ts';

/**
 * The marker that stops real-time replication into a target: written by failover in the target Region (so
 * it holds with the source down), read by the `watch` loop before every tick.
 */
export const stopMarkerName = (region: string) => `${region}.replication-stopped.json`;

export async function writeStopMarker(
  runtime: Runtime,
  target: TargetConfig,
  why: { runId: string; at: string },
): Promise<void> {
  const store = targetRegionStore(runtime, target);
  await store?.write(stopMarkerName(target.region), JSON.stringify({ ...why, reason: 'failover' }));
}

/** The targets of the config whose replication a failover stopped. */
export async function stoppedTargets(runtime: Runtime): Promise<string[]> {
  const stopped: string[] = [];
  for (const target of runtime.config.targets) {
    const store = targetRegionStore(runtime, target);
    if (store && (await store.read(stopMarkerName(target.region))) !== undefined) stopped.push(target.region);
  }
  return stopped;
}
