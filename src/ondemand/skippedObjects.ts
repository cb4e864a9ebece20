import type { Output } from '../engine/output.ts';
import type { SkippedObject } from '../plan/planCatalogs.ts';

/**
 * Collects what a target's plans leave out on purpose: each object once (the early pass and the second pass
 * both plan; a replay's reconciles too), told to the user as it is found and kept for the report.
 */
export interface SkippedObjects {
  add: (skipped: SkippedObject) => void;
  result: () => { skipped?: SkippedObject[] };
}

export function skippedObjects(output: Output, region: string): SkippedObjects {
  const found = new Map<string, SkippedObject>();
  return {
    add(skipped) {
      const id = `${skipped.kind} ${skipped.key}`;
      if (found.has(id)) return;
      found.set(id, skipped);
      output.warn('sync.objectSkipped', `${region}: ${id} skipped: ${skipped.reason}`);
    },
    result: () => (found.size > 0 ? { skipped: [...found.values()] } : {}),
  };
}
