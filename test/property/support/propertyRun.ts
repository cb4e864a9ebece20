import type fc from 'fast-check';

/** CI: a quick sample; `SOAK=1`: many more runs and longer histories. */
export const SOAK = process.env.SOAK === '1';

/**
 * fast-check parameters with a seed chosen (or taken from `FC_SEED`, with `FC_PATH`) and printed before the
 * run starts, so even a run cut short by a timeout can be replayed exactly. `FC_RUNS` overrides the count.
 */
export function propertyParams(name: string, defaultRuns: number): fc.Parameters<unknown> {
  const numRuns = Number(process.env.FC_RUNS ?? defaultRuns);
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Date.now() ^ (Math.random() * 0x100000000);
  const path = process.env.FC_PATH;
  console.log(`[property] ${name}: FC_SEED=${seed}${path ? ` FC_PATH=${path}` : ''} numRuns=${numRuns}`);
  return { seed, numRuns, ...(path ? { path, endOnFailure: true } : {}) };
}
