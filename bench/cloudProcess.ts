/**
 * The local cloud in its own process, so the benchmark's memory figures are lakemirror's alone (a loaded
 * million-partition lake lives here, not in the measured process). Driven over IPC by `cloudChild.ts`.
 */
import { type LocalCloud, type LocalCloudOptions, startLocalCloud } from '@lakemirror/localcloud';
import type { TimelineSpan } from './cloudChild.ts';
import { generateLake } from './generateLake.ts';
import type { LakeParams, LakeSize } from './lakeSizes.ts';
import { loadLakeIntoCloud } from './loadLake.ts';

export type CloudRequest =
  | { id: number; type: 'start'; options: LocalCloudOptions }
  | { id: number; type: 'load'; region: string; size: LakeSize | LakeParams; seed: number }
  | { id: number; type: 'memory' }
  | { id: number; type: 'timeline'; accountId: string; regions: string[]; sinceMs: number }
  | { id: number; type: 'trailCounts'; accountId: string; region: string; fromMs: number; toMs: number }
  | { id: number; type: 'stop' };

let cloud: LocalCloud | undefined;

async function handle(request: CloudRequest): Promise<unknown> {
  switch (request.type) {
    case 'start':
      cloud = await startLocalCloud(request.options);
      return { endpoint: cloud.endpoint };
    case 'load': {
      const started = Date.now();
      loadLakeIntoCloud(cloud!, request.region, generateLake(request.size, request.seed));
      return { loadMs: Date.now() - started };
    }
    case 'timeline':
      return timeline(request.accountId, request.regions, request.sinceMs);
    case 'trailCounts':
      return trailCounts(request.accountId, request.region, request.fromMs, request.toMs);
    case 'memory':
      return { rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 };
    case 'stop':
      await cloud?.stop();
      setImmediate(() => process.exit(0));
      return { stopped: true };
  }
}

process.on('message', (request: CloudRequest) => {
  handle(request).then(
    (result) => process.send?.({ id: request.id, result }),
    (error: unknown) => process.send?.({ id: request.id, error: String((error as Error)?.stack ?? error) }),
  );
});
process.on('disconnect', () => process.exit(0));

/**
 * When each (Region, event source) was busy since `sinceMs`, from the emulator's CloudTrail history (every
 * Glue and Lake Formation call is recorded): first and last call, in seconds from `sinceMs`, and the count.
 * Shows whether phases against independent rate-limit buckets overlapped or ran one after another.
 */
function timeline(accountId: string, regions: string[], sinceMs: number): TimelineSpan[] {
  const out: TimelineSpan[] = [];
  const seconds = (ms: number) => Number(((ms - sinceMs) / 1000).toFixed(2));
  for (const region of regions) {
    const spans = new Map<string, Span & { operations: Map<string, Span> }>();
    for (const event of cloud!.trail.list(accountId, region)) {
      if (event.eventTimeMs < sinceMs) continue;
      const span = spans.get(event.eventSource) ?? { ...openSpan(event.eventTimeMs), operations: new Map() };
      widen(span, event.eventTimeMs);
      const operation = span.operations.get(event.eventName) ?? openSpan(event.eventTimeMs);
      widen(operation, event.eventTimeMs);
      span.operations.set(event.eventName, operation);
      spans.set(event.eventSource, span);
    }
    for (const [source, span] of spans) {
      out.push({
        region,
        source: source.replace('.amazonaws.com', ''),
        fromS: seconds(span.first),
        toS: seconds(span.last),
        calls: span.calls,
        operations: [...span.operations]
          .map(([operation, s]) => ({
            operation,
            fromS: seconds(s.first),
            toS: seconds(s.last),
            calls: s.calls,
          }))
          .sort((a, b) => a.fromS - b.fromS),
      });
    }
  }
  return out;
}

interface Span {
  first: number;
  last: number;
  calls: number;
}

const openSpan = (ms: number): Span => ({ first: ms, last: ms, calls: 0 });

function widen(span: Span, ms: number): void {
  span.first = Math.min(span.first, ms);
  span.last = Math.max(span.last, ms);
  span.calls += 1;
}

/**
 * Events in the history of one Region with an event time in [fromMs, toMs], per event source, split into
 * writes and read-only ones: what a LookupEvents by EventSource over that window has to page through.
 */
function trailCounts(accountId: string, region: string, fromMs: number, toMs: number) {
  const out: Record<string, { write: number; readOnly: number }> = {};
  for (const event of cloud!.trail.list(accountId, region)) {
    if (event.eventTimeMs < fromMs || event.eventTimeMs > toMs) continue;
    const counts = out[event.eventSource] ?? { write: 0, readOnly: 0 };
    counts[event.readOnly ? 'readOnly' : 'write'] += 1;
    out[event.eventSource] = counts;
  }
  return out;
}
