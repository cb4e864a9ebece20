import { type BenchContext, createBenchContext, DEFAULT_SETTINGS } from '../../bench/harness.ts';
import { loadUseCases } from '../../bench/useCases.ts';

/** The bench's context on the tiny lake with no latency and no rate limits (LookupEvents keeps its own). */
export async function startTinyBench(): Promise<BenchContext> {
  return createBenchContext(
    { ...DEFAULT_SETTINGS, size: 'tiny', latencyMs: 0, rps: 0 },
    await loadUseCases(),
  );
}
