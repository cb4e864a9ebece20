import { isWriteOperation } from '../src/aws/callCounter.ts';
import { floorSeconds, type OperationCounts, type ScenarioFloor } from './floor.ts';
import type { Measured } from './harness.ts';
import { sumCounts } from './measure.ts';

/** A target held in the output (not a timed test): met or missed, with the numbers behind it. */
export interface TargetCheck {
  name: string;
  met: boolean;
  detail: string;
}

/** One scenario's line in the results document. `pending` = its use case has not landed; no numbers then. */
export interface ScenarioResult {
  scenario: string;
  description: string;
  status: 'ok' | 'failed' | 'pending';
  error?: string;
  wallSeconds?: number;
  floorSeconds?: number;
  /** wall / floor time; absent when the floor time is 0 (no rate limit). */
  timeRatio?: number;
  /** Glue, Lake Formation and CloudTrail calls answered (throttled attempts included), both Regions. */
  calls?: number;
  floorCalls?: number;
  ratio?: number;
  reads?: number;
  writes?: number;
  readFloor?: number;
  writeFloor?: number;
  throttled?: number;
  callsPerObject?: number;
  peakRssMiB?: number;
  maxRssMiB?: number;
  /** Actual and floor per side and operation, for finding where calls go above the floor. */
  operations?: Array<{ side: 'source' | 'target'; operation: string; actual: number; floor: number }>;
  /** Calls outside the floor's services (STS, DynamoDB, S3). */
  aux?: Record<string, number>;
  /** When each (Region, service) was busy: phases that ran one after another show up here. */
  timeline?: Measured<unknown>['timeline'];
  extra?: Record<string, unknown>;
  targets: TargetCheck[];
}

const MiB = 1024 * 1024;
const round = (n: number, digits = 3) => Number(n.toFixed(digits));
const split = (ops: OperationCounts, write: boolean) =>
  Object.entries(ops)
    .filter(([op]) => isWriteOperation(op.slice(op.indexOf(':') + 1)) === write)
    .reduce((n, [, c]) => n + c, 0);

export interface SummaryInput {
  scenario: string;
  description: string;
  floor: ScenarioFloor;
  measured: Measured<unknown>;
  rps: number;
  /** Objects the scenario replicated or changed, for calls per object. */
  objects?: number;
  extra?: Record<string, unknown>;
  targets: (result: ScenarioResult) => TargetCheck[];
}

/** Compares measured calls and time with the floor. */
export function summarize(input: SummaryInput): ScenarioResult {
  const { measured, floor } = input;
  const actual = { source: measured.calls.source, target: measured.calls.target };
  const both = (pick: (ops: OperationCounts) => number) => pick(actual.source) + pick(actual.target);
  const floorBoth = (pick: (ops: OperationCounts) => number) => pick(floor.source) + pick(floor.target);
  const calls = both(sumCounts);
  const floorCalls = floorBoth(sumCounts);
  const seconds = floorSeconds(floor, input.rps);
  const wallSeconds = measured.wallMs / 1000;
  const operations: NonNullable<ScenarioResult['operations']> = [];
  for (const side of ['source', 'target'] as const) {
    const names = new Set([...Object.keys(actual[side]), ...Object.keys(floor[side])]);
    for (const operation of [...names].sort()) {
      operations.push({
        side,
        operation,
        actual: actual[side][operation] ?? 0,
        floor: floor[side][operation] ?? 0,
      });
    }
  }
  const result: ScenarioResult = {
    scenario: input.scenario,
    description: input.description,
    status: 'ok',
    wallSeconds: round(wallSeconds),
    floorSeconds: round(seconds),
    ...(seconds > 0 ? { timeRatio: round(wallSeconds / seconds) } : {}),
    calls,
    floorCalls,
    ratio: round(calls / Math.max(1, floorCalls)),
    reads: both((ops) => split(ops, false)),
    writes: both((ops) => split(ops, true)),
    readFloor: floorBoth((ops) => split(ops, false)),
    writeFloor: floorBoth((ops) => split(ops, true)),
    throttled: measured.calls.throttled,
    ...(input.objects ? { callsPerObject: round(calls / input.objects) } : {}),
    peakRssMiB: round(measured.peakRssBytes / MiB, 1),
    maxRssMiB: round(measured.maxRssBytes / MiB, 1),
    operations,
    aux: measured.calls.aux,
    timeline: measured.timeline,
    ...(input.extra ? { extra: input.extra } : {}),
    targets: [],
  };
  result.targets = input.targets(result);
  return result;
}

export function pendingResult(scenario: string, description: string, reason: string): ScenarioResult {
  return { scenario, description, status: 'pending', error: reason, targets: [] };
}

export function failedResult(scenario: string, description: string, error: unknown): ScenarioResult {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { scenario, description, status: 'failed', error: message, targets: [] };
}

/** `actual ≤ factor × floor`, as a target line. */
export function withinFactor(name: string, actual: number, floor: number, factor: number): TargetCheck {
  const limit = factor * floor;
  return {
    name,
    met: actual <= limit,
    detail: `${round(actual, 2)} vs ≤ ${round(limit, 2)} (${factor} × ${round(floor, 2)})`,
  };
}
