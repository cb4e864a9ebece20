import { addCounts } from './floor.ts';
import type { Measured } from './harness.ts';
import { type MeasuredCalls, sumCounts } from './measure.ts';

/**
 * A real-time run's calls by service: the catalog calls (Glue and Lake Formation, per side) the ≤ 8 target
 * is about, CloudTrail LookupEvents, and the event table's DynamoDB calls by operation (outside the floor).
 */
export interface RealtimeCalls {
  glueLf: { source: number; target: number; total: number };
  lookupEvents: number;
  /** `dynamodb:Operation` → calls on the event table (source Region). */
  eventTable: Record<string, number>;
  eventTableTotal: number;
  /** STS and anything else outside the floor. */
  other: Record<string, number>;
}

const round = (n: number) => Number(n.toFixed(2));
const catalogOnly = (ops: Record<string, number>) =>
  sumCounts(Object.fromEntries(Object.entries(ops).filter(([op]) => !op.startsWith('cloudtrail:'))));

export function realtimeCalls(calls: MeasuredCalls): RealtimeCalls {
  const source = catalogOnly(calls.source);
  const target = catalogOnly(calls.target);
  const eventTable: Record<string, number> = {};
  const other: Record<string, number> = {};
  for (const [key, n] of Object.entries(calls.aux)) {
    const op = key.slice(key.indexOf(' ') + 1);
    if (op.startsWith('dynamodb:')) eventTable[op] = (eventTable[op] ?? 0) + n;
    else other[key] = n;
  }
  return {
    glueLf: { source, target, total: source + target },
    lookupEvents: calls.source['cloudtrail:LookupEvents'] ?? 0,
    eventTable,
    eventTableTotal: sumCounts(eventTable),
    other,
  };
}

/**
 * Two measured stretches as one (the collect run that saw the event, then the replay): calls added, wall
 * times added (the gap between them is not counted), the second timeline shifted to follow the first.
 */
export function joinMeasured<A, B>(a: Measured<A>, b: Measured<B>): Measured<[A, B]> {
  const aux = addCounts(a.calls.aux, b.calls.aux);
  return {
    value: [a.value, b.value],
    wallMs: a.wallMs + b.wallMs,
    calls: {
      source: addCounts(a.calls.source, b.calls.source),
      target: addCounts(a.calls.target, b.calls.target),
      aux,
      throttled: a.calls.throttled + b.calls.throttled,
      errors: a.calls.errors + b.calls.errors,
    },
    peakRssBytes: Math.max(a.peakRssBytes, b.peakRssBytes),
    maxRssBytes: Math.max(a.maxRssBytes, b.maxRssBytes),
    timeline: [
      ...a.timeline,
      ...b.timeline.map((span) => ({
        ...span,
        fromS: round(span.fromS + a.wallMs / 1000),
        toS: round(span.toS + a.wallMs / 1000),
      })),
    ],
  };
}
