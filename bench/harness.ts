import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema } from '../src/config/configSchema.ts';
import { createRuntime } from '../src/engine/createRuntime.ts';
import type { Runtime, RuntimeOptions } from '../src/engine/runtime.ts';
import { CloudChild, type TimelineSpan } from './cloudChild.ts';
import type { LakeShape } from './floor.ts';
import { type GeneratedLake, generateLake, lakeShape } from './generateLake.ts';
import type { LakeSize } from './lakeSizes.ts';
import { type MeasuredCalls, splitCalls, startRssSampler } from './measure.ts';
import type { UseCases } from './useCases.ts';

export interface BenchSettings {
  size: LakeSize;
  seed: number;
  /** Latency the local cloud adds to every call. */
  latencyMs: number;
  /** Requests a second per account, Region and service (0 = unlimited). */
  rps: number;
  concurrency: number;
  sourceRegion: string;
  targetRegion: string;
}

export const DEFAULT_SETTINGS: Omit<BenchSettings, 'size'> = {
  seed: 1,
  latencyMs: 30,
  rps: 50,
  concurrency: 8,
  sourceRegion: 'us-east-1',
  targetRegion: 'us-west-2',
};

/**
 * The emulated CloudTrail: an event becomes visible to LookupEvents 2 s after the call (real CloudTrail takes
 * minutes; the collector's overlap covers either), and the history keeps the emulator's default 200,000
 * events per Region (a large full sync records ~40,000 per side; the bench's timelines read them).
 */
export const BENCH_CLOUDTRAIL = { deliveryDelayMs: 2_000, maxEventsPerRegion: 200_000 } as const;

/**
 * Real-time settings for the bench: a window of one minute before the checkpoint (the e2e tests' choice), so
 * a collect pages through the last minute's events and not the whole setup's history.
 */
export const BENCH_REALTIME = {
  eventTable: 'lakemirror-bench-events',
  overlapMinutes: 1,
  lookbackMinutes: 1,
} as const;

/** What one measured stretch of work cost. */
export interface Measured<T> {
  value: T;
  wallMs: number;
  calls: MeasuredCalls;
  peakRssBytes: number;
  maxRssBytes: number;
  /** When each (Region, service) was busy, in seconds from the start. */
  timeline: TimelineSpan[];
}

/** One local cloud with the lake loaded in the source Region, and the means to run and measure use cases. */
export interface BenchContext {
  readonly settings: BenchSettings;
  readonly lake: GeneratedLake;
  readonly shape: LakeShape;
  readonly cloud: CloudChild;
  readonly useCases: UseCases;
  /** Whether the target holds a full copy (a previous scenario or `ensureSynced` made it). */
  synced: boolean;
  /**
   * A fresh runtime, as one CLI or Lambda invocation would build (own limiters and counters); `now` gives it
   * a clock of its own (the reconcile's runs at simulated schedule times).
   */
  runtime(options?: Pick<RuntimeOptions, 'now'>): Runtime;
  /** Runs `fn` with latency and rate limits off: setup is not what is measured. */
  unmeasured<T>(fn: () => Promise<T>): Promise<T>;
  /** Resets the cloud's call counts, runs `fn`, and reports wall time, calls and peak RSS. */
  measure<T>(fn: () => Promise<T>): Promise<Measured<T>>;
  stop(): Promise<void>;
}

/**
 * `rps` models the control-plane limits the floor model counts (Glue, Lake Formation, CloudTrail). The
 * real-time mode's data-plane services are not held to it, as AWS does not: a new on-demand DynamoDB table
 * sustains 4,000 writes and 12,000 reads a second (one bucket of 4,000 here), an SQS standard queue has no
 * documented API rate limit (0 = none).
 */
export const DATA_PLANE_RPS: Readonly<Record<string, number>> = { dynamodb: 4_000, sqs: 0 };

/** Starts a cloud with the given faults, loads the lake into the source Region and builds the context. */
export async function createBenchContext(
  settings: BenchSettings,
  useCases: UseCases,
  lake: GeneratedLake = generateLake(settings.size, settings.seed),
): Promise<BenchContext> {
  const faults = { latencyMs: settings.latencyMs, throttleRps: settings.rps, serviceRps: DATA_PLANE_RPS };
  const cloud = await CloudChild.start({
    port: 0,
    faults,
    cloudTrail: BENCH_CLOUDTRAIL,
  });
  await cloud.load(settings.sourceRegion, settings.size, settings.seed);
  const snapshotDir = mkdtempSync(join(tmpdir(), 'lakemirror-bench-'));
  const config = configSchema.parse({
    source: { region: settings.sourceRegion, accountId: lake.accountId },
    targets: [{ region: settings.targetRegion }],
    snapshots: { uri: snapshotDir },
    // Benchmark writes are not the user's: the audit log goes to a temporary directory too.
    audit: { uri: mkdtempSync(join(tmpdir(), 'lakemirror-bench-audit-')) },
    concurrency: settings.concurrency,
    realtime: BENCH_REALTIME,
    localcloud: { endpoint: cloud.endpoint },
  });
  return {
    settings,
    lake,
    shape: lakeShape(lake),
    cloud,
    useCases,
    synced: false,
    runtime: (options) => createRuntime(config, options ?? {}),
    async unmeasured(fn) {
      await cloud.setFaults({ latencyMs: 0, throttleRps: 0, serviceRps: {} });
      try {
        return await fn();
      } finally {
        await cloud.setFaults(faults);
      }
    },
    async measure(fn) {
      await cloud.resetCalls();
      // Fresh buckets: every measured run starts like a first run against a quiet account.
      await cloud.setFaults(faults);
      const sampler = startRssSampler();
      const startedAt = Date.now();
      const started = performance.now();
      const value = await fn();
      const wallMs = performance.now() - started;
      const rss = sampler.stop();
      const calls = splitCalls(await cloud.calls(), settings.sourceRegion, settings.targetRegion);
      const regions = [settings.sourceRegion, settings.targetRegion];
      const timeline = await cloud.timeline(lake.accountId, regions, startedAt);
      return { value, wallMs, calls, ...rss, timeline };
    },
    async stop() {
      await cloud.stop();
      rmSync(snapshotDir, { recursive: true, force: true });
    },
  };
}
