import pLimit from 'p-limit';
import type { Clock } from '../collect/ports.ts';
import type { EventStore } from '../eventTable/eventStore.ts';
import { lagStats, nextAttemptAt, type ReplayReport } from './replayReport.ts';
import type { ReplayUnit } from './units.ts';

const MARK_CONCURRENCY = 50;
export const DEFAULT_BACKOFF = { baseMs: 30_000, maxMs: 15 * 60_000 };

/**
 * Settles every item of the run: applied when its object converged in every target, else one more failed
 * attempt (back to pending after the backoff, or `failed` after maxAttempts). Both writes are conditional,
 * so an item another run already settled is left alone (`stale`) and nothing is counted twice.
 */
export async function markUnits(
  table: EventStore,
  units: readonly ReplayUnit[],
  failures: ReadonlyMap<string, string>,
  report: ReplayReport,
  options: { maxAttempts: number; clock: Clock },
): Promise<void> {
  const limit = pLimit(MARK_CONCURRENCY);
  const lags: number[] = [];
  const base = DEFAULT_BACKOFF.baseMs;
  const max = DEFAULT_BACKOFF.maxMs;
  const settle = async (unit: ReplayUnit) => {
    const error = failures.get(unit.id);
    const outcomes = await Promise.all(
      unit.items.map((item) =>
        limit(async () => {
          const now = new Date(options.clock());
          if (error === undefined) {
            const outcome = await table.markApplied(item, now);
            if (outcome === 'applied') lags.push(Math.max(0, now.getTime() - Date.parse(item.eventTime)));
            return outcome === 'applied' ? 'applied' : 'stale';
          }
          const retryAt = nextAttemptAt(now, item.attempts, base, max);
          return table.markFailedAttempt(item, error, retryAt, options.maxAttempts);
        }),
      ),
    );
    for (const outcome of outcomes) {
      if (outcome === 'applied') report.events.applied += 1;
      else if (outcome === 'retry') report.events.retried += 1;
      else if (outcome === 'failed') report.events.failed += 1;
      else report.events.stale += 1;
    }
    if (error !== undefined) {
      report.failures.push({
        object: unit.id,
        status: outcomes.includes('failed') ? 'failed' : 'retry',
        error,
        eventIds: [...new Set(unit.items.map((i) => i.eventId))],
      });
    }
  };
  await Promise.all(units.map(settle));
  report.lag = lagStats(lags);
}
