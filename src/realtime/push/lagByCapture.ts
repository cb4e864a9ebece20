import type { EventItem } from '../eventTable/items.ts';

export interface LagStats {
  applied: number;
  p50Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

export type CapturePath = 'push' | 'lookup';

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

/**
 * End-to-end lag (source call → applied in every target) of applied items, by the capture that staged them.
 * Pure; the items come from `EventTable.listRecent`.
 */
export function lagByCapture(items: EventItem[]): Record<CapturePath, LagStats> {
  const out = {} as Record<CapturePath, LagStats>;
  for (const path of ['push', 'lookup'] as const) {
    const lags = items
      .filter(
        (i) => i.status === 'applied' && typeof i.lagMs === 'number' && (i.capture ?? 'lookup') === path,
      )
      .map((i) => Math.max(0, i.lagMs!))
      .sort((a, b) => a - b);
    out[path] = {
      applied: lags.length,
      p50Ms: percentile(lags, 50),
      p99Ms: percentile(lags, 99),
      maxMs: lags.at(-1) ?? null,
    };
  }
  return out;
}
