import type { CallCounts } from '@lakemirror/localcloud';
import type { OperationCounts } from './floor.ts';

/** Services whose calls the floor covers; anything else (STS, DynamoDB, S3) is reported as auxiliary. */
const CATALOG_SERVICES = new Set(['glue', 'lakeformation', 'cloudtrail']);

/** Calls answered by the local cloud, split into source and target Region and auxiliary services. */
export interface MeasuredCalls {
  source: OperationCounts;
  target: OperationCounts;
  /** `region service:Operation` → count, for services outside the floor. */
  aux: Record<string, number>;
  throttled: number;
  errors: number;
}

export function splitCalls(counts: CallCounts, sourceRegion: string, targetRegion: string): MeasuredCalls {
  const out: MeasuredCalls = {
    source: {},
    target: {},
    aux: {},
    throttled: counts.throttled,
    errors: counts.errors,
  };
  for (const [region, services] of Object.entries(counts.byRegion)) {
    for (const [service, operations] of Object.entries(services)) {
      for (const [operation, n] of Object.entries(operations)) {
        const side = region === sourceRegion ? out.source : region === targetRegion ? out.target : undefined;
        if (side && CATALOG_SERVICES.has(service)) side[`${service}:${operation}`] = n;
        else out.aux[`${region} ${service}:${operation}`] = n;
      }
    }
  }
  return out;
}

/** Samples this process's RSS every `intervalMs` until stopped; reports the peak and the kernel's maxRSS. */
export function startRssSampler(intervalMs = 50) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, intervalMs);
  timer.unref();
  return {
    stop(): { peakRssBytes: number; maxRssBytes: number } {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      // resourceUsage().maxRSS is in kilobytes and covers the whole process lifetime.
      return { peakRssBytes: peak, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
    },
  };
}

export const sumCounts = (ops: OperationCounts): number => Object.values(ops).reduce((a, b) => a + b, 0);
