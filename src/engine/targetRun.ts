import type { PartitionDigests } from '../model/partitionDigests.ts';
import type { PartitionRecord, SnapshotRecord } from '../model/records.ts';
import type { PlanOptions } from '../plan/plan.ts';
import type { EarlyApplyResult } from './early/earlyApply.ts';
import type { Output } from './output.ts';
import type { PartitionCapture } from './partitionCapture.ts';
import type { PartitionStream } from './sourceSnapshot.ts';
import type { TallyResult } from './tally.ts';

/** How one target run (sync, plan, verify, restore, failback, broad replay) plans and applies. */
export interface TargetRunOptions {
  plan: PlanOptions;
  maxDeletes: number;
  dryRun: boolean;
  output: Output;
  /** The target's records, when the caller started reading them early. */
  targetRead?: Promise<SnapshotRecord[]>;
  /**
   * Called once before the first write when the plan updates or deletes anything in the target (not for pure
   * creates); answers the URI of the safety snapshot it took.
   */
  beforeDestructiveApply?: (before: SnapshotRecord[], captured?: PartitionCapture) => Promise<SafetySnapshot>;
  /** Shown each table's target partitions as they are read for the plan (verify's leak check). */
  observeTargetPartitions?: (partitions: readonly PartitionRecord[]) => void;
  /** What the early pass created while the snapshot was read: planned against, counted, not redone. */
  early?: EarlyApplyResult;
  /**
   * The target's partitions, read while the source was read (see partitionCapture.ts): partitions are planned
   * against it instead of the API, and it becomes the safety snapshot when one is needed.
   */
  capture?: Promise<PartitionCapture>;
}

/** Where a run reads the target's partitions from instead of the API: a safety snapshot or a capture. */
export interface TargetPartitionSource {
  partitions: PartitionStream;
  /** Each table's partition lines hashed, when this run wrote them (a capture). */
  partitionDigests?: PartitionDigests | undefined;
}

/** A target's safety snapshot: where it is, and its partitions (so planning need not read them again). */
export interface SafetySnapshot {
  uri: string;
  partitions: PartitionStream;
  partitionDigests?: PartitionDigests | undefined;
}

/**
 * What a target run did, and the safety snapshot taken before it changed anything. `keptTargetOnly`: with
 * deleteMissing off, the objects in scope only the target holds, left in place (verify lists them).
 */
export type TargetRunResult = TallyResult & { safetySnapshot?: string; keptTargetOnly?: number };
