import type { ApiCallSummary } from '../../engine/syncReport.ts';
import type { SkippedObject } from '../../plan/planCatalogs.ts';
import type { EventItem } from '../eventTable/items.ts';
import type { BreakerVerdict } from './circuitBreaker.ts';

/** What one replay run did: plain data; the terminal summary, the JSON and the exit code derive from it. */
export interface ReplayReport {
  schemaVersion: 1;
  kind: 'lakemirror.replay';
  startedAt: string;
  durationMs: number;
  events: {
    /** Pending items handed out (due, unexpired). */
    read: number;
    /** Marked applied by this run. */
    applied: number;
    /** Failed again, back to pending with a later `nextAttemptAt`. */
    retried: number;
    /** Out of attempts: now `failed` (listed in `failures`). */
    failed: number;
    /** Already applied or failed by another run: left as they were. */
    stale: number;
    /** Held by the circuit breaker as part of a mass change (status `held`; `--confirm` applies them). */
    held: number;
  };
  objects: { reconciled: number; failed: number };
  /** More pending items were due than one run takes: run again. */
  morePending: boolean;
  /** Event time → applied time of the items applied by this run. */
  lag: { count: number; maxMs: number | null; p50Ms: number | null };
  /** Actions applied (or failed) per target, by op. */
  targets: Array<{
    region: string;
    accountId: string;
    created: number;
    updated: number;
    deleted: number;
    failed: number;
    /** Source objects left out on purpose, with why (a catalog that cannot exist in the target). */
    skipped?: SkippedObject[];
    error?: string;
  }>;
  apiCalls: { source: ApiCallSummary; targets: Record<string, ApiCallSummary> };
  /** The mass change the breaker holds, per cluster (a database, a table's partitions, the lake). */
  held: Array<{
    cluster: string;
    reason: string;
    units: number;
    /** Held changes by kind, with the first few keys. */
    kinds: Array<{ kind: string; count: number; firstKeys: string[] }>;
  }>;
  circuitBreaker: {
    /** The plan held a mass change (listed in `held`) and was not confirmed; the rest was applied. */
    tripped: boolean;
    /** The plan exceeded the threshold (applied anyway when confirmed). */
    exceeded: boolean;
    /** Planned updates + deletes of the deciding target. */
    planned: number;
    threshold: number;
    known: number;
    target?: string;
    /** The run was told to go ahead whatever the count (`--confirm`). */
    confirmed: boolean;
  };
  /** Objects whose reconcile failed: retried later, or given up (`status: 'failed'`). */
  failures: Array<{ object: string; status: 'retry' | 'failed'; error: string; eventIds: string[] }>;
}

/** CLI exit code: 0 done, 2 circuit breaker tripped (a mass change held), 3 some events failed for good. */
export function replayExitCode(report: ReplayReport): number {
  if (report.circuitBreaker.tripped) return 2;
  if (report.events.failed > 0) return 3;
  return 0;
}

/** Max and median (lower middle) of the lags, in ms. */
export function lagStats(lags: readonly number[]): ReplayReport['lag'] {
  if (lags.length === 0) return { count: 0, maxMs: null, p50Ms: null };
  const sorted = [...lags].sort((a, b) => a - b);
  return {
    count: sorted.length,
    maxMs: sorted[sorted.length - 1]!,
    p50Ms: sorted[Math.floor((sorted.length - 1) / 2)]!,
  };
}

/** When a failed item is handed out again: base × 2^attempts (attempts made before this one), capped. */
export function nextAttemptAt(now: Date, attempts: number, baseMs: number, maxMs: number): Date {
  return new Date(now.getTime() + Math.min(maxMs, baseMs * 2 ** attempts));
}

/** The report of a run before anything happened. */
export function emptyReport(
  startedAt: Date,
  items: readonly EventItem[],
  limit: number,
  confirmed: boolean,
): ReplayReport {
  return {
    schemaVersion: 1,
    kind: 'lakemirror.replay',
    startedAt: startedAt.toISOString(),
    durationMs: 0,
    events: { read: items.length, applied: 0, retried: 0, failed: 0, stale: 0, held: 0 },
    objects: { reconciled: 0, failed: 0 },
    morePending: items.length >= limit,
    lag: { count: 0, maxMs: null, p50Ms: null },
    targets: [],
    apiCalls: { source: { total: 0, reads: 0, writes: 0, byOperation: {} }, targets: {} },
    held: [],
    circuitBreaker: { tripped: false, exceeded: false, planned: 0, threshold: 0, known: 0, confirmed },
    failures: [],
  };
}

/** With confirm, a plan over the threshold is applied: `exceeded`, not `tripped`. */
export function breakerOf(verdict: BreakerVerdict, confirmed: boolean): ReplayReport['circuitBreaker'] {
  const { tripped: exceeded, planned, threshold, known, target } = verdict;
  return {
    tripped: exceeded && !confirmed,
    exceeded,
    planned,
    threshold,
    known,
    ...(target ? { target } : {}),
    confirmed,
  };
}
