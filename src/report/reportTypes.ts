import { z } from 'zod';

/**
 * Results are data. `verify` and `drill` return these plain objects; the terminal table, the `--json`
 * document, the HTML page and the exit code are all derived from them. The zod schemas validate the JSON
 * form when a report is read back (`lakemirror report --from drill.json`, CI artifacts).
 */

export interface AccountRegion {
  region: string;
  accountId: string;
}

/** What `sync` would do to bring the target in line with the source. */
export type DriftOp = 'create' | 'update' | 'delete';

/**
 * One field that differs, e.g. `StorageDescriptor.Columns[2].Type`. `before`/`after` are JSON values;
 * absent (or `undefined`, which JSON drops) means the field is absent on that side.
 */
export interface FieldChange {
  path: string;
  before?: unknown;
  after?: unknown;
}

/**
 * How an object in scope differs between the sides. A new finding (e.g. a source reference left in a target
 * record) is a new member here, with its own count in `KindCounts`.
 */
export type DriftCategory = 'missingInTarget' | 'different' | 'onlyInTarget';

/** One object that differs: `create` = missing in target, `update` = differs, `delete` = only in target. */
export interface DriftItem {
  /** Record kind (`database`, `table`, `partition`, `grant`, …; see design.md). */
  kind: string;
  /** Stable record key (`db.table`, `principal|resourceKey`, …). */
  key: string;
  op: DriftOp;
  category: DriftCategory;
  /** A target-only object the run was told to accept (`--ignore-target-only`): listed, not counted as drift. */
  accepted?: boolean;
  /** One human line, e.g. "column type changed". */
  summary: string;
  /** Differing fields; empty for `create`/`delete`. */
  changes: FieldChange[];
}

/** Per kind: what each side holds in scope, and how many objects differ in each category. */
export interface KindCounts {
  source: number;
  target: number;
  /** missingInTarget + different + onlyInTarget. */
  drifted: number;
  missingInTarget: number;
  different: number;
  onlyInTarget: number;
}

/** The result of `verify` for one source → target pair. */
/** A reference to the source side found in a target record (see src/leak/leakCheck.ts). */
export interface LeakItem {
  kind: string;
  key: string;
  /** Dotted path inside the record, e.g. `input.Parameters.location`. */
  field: string;
  names: 'sourceBucket' | 'sourceRegion' | 'sourceAccount';
  reference: string;
}

export interface DriftReport {
  schemaVersion: 1;
  kind: 'lakemirror.drift';
  /** ISO 8601 timestamp. */
  generatedAt: string;
  source: AccountRegion;
  target: AccountRegion;
  /** No object missing or different, and no target-only object unless `targetOnlyAccepted`. */
  inSync: boolean;
  /** Target-only objects were accepted (`--ignore-target-only` or config `verify.ignoreTargetOnly`). */
  targetOnlyAccepted: boolean;
  countsByKind: Record<string, KindCounts>;
  drift: DriftItem[];
  /** The leak check: references to the source side found in the target, whatever the plan says. */
  leaks?: LeakItem[];
  /** Source objects not compared, with why (S3 Tables catalogs, federated catalogs on unread connections). */
  skipped?: Array<{ kind: string; key: string; reason: string }>;
}

export type Status = 'pass' | 'fail';
export type CheckStatus = Status | 'skipped';

/** The change that has waited longest to reach the target; its age is the RPO. */
export interface PendingChange {
  eventTime: string;
  eventName: string;
  object: string;
}

export interface RpoResult {
  /**
   * Age of the oldest source change known not to be in the target: the oldest pending, held or failed event
   * of the event table and the oldest dated drift. `null` when nothing is pending. This is what the limit
   * (`drill.maxRpoMinutes`) and the verdict judge.
   */
  minutes: number | null;
  oldestPendingChange?: PendingChange;
  status: Status;
  /**
   * With a real-time event table: the replicated-through time (every source change before it is in the
   * targets) and its age in minutes, the proven upper bound of the data a failover would lose now. Shown
   * apart and labelled as a bound: it waits for the next full reconcile, so it can be two cycles old while
   * the copy is fresh; it never decides the RPO or the verdict.
   */
  watermark?: { at?: string; minutes: number | null; boundBy: string };
}

export interface RtoResult {
  /** Time to restore the catalog into the scratch target from the latest snapshot. */
  minutes: number;
  restoredObjects: number;
  scratchTarget: string;
  status: Status;
  /** `drill --failover`: a soft failover rehearsed into the scratch Region after the restore, step by step. */
  failover?: FailoverRehearsal;
}

export interface FailoverRehearsal {
  /** Restore plus every failover step: how long promoting a copy takes. */
  minutes: number;
  steps: Array<{ name: string; ms: number }>;
}

/** One usability check run against the replica (query a table, assume a role, read a grant…). */
export interface DrillCheck {
  name: string;
  status: CheckStatus;
  detail: string;
  fix?: string;
  failures?: string[];
}

export interface LagSample {
  /** ISO 8601 timestamp. */
  time: string;
  lagSeconds: number;
}

/** The result of `drill`: RPO, RTO, drift per target and usability checks. */
export interface DrillReport {
  schemaVersion: 1;
  kind: 'lakemirror.drill';
  generatedAt: string;
  verdict: Status;
  durationMs: number;
  thresholds: { maxRpoMinutes: number; maxRtoMinutes: number };
  rpo: RpoResult;
  rto: RtoResult;
  targets: DriftReport[];
  checks: DrillCheck[];
  lagHistory: LagSample[];
}

export type Report = DriftReport | DrillReport;

const isoTime = z.iso.datetime({ offset: true });
const status = z.enum(['pass', 'fail']);
const accountRegion = z.object({ region: z.string().min(1), accountId: z.string() });
const count = z.number().int().nonnegative();

/** `before`/`after` are any JSON value, or absent (= the field is absent on that side). */
const fieldChange = z.object({
  path: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

export const DriftItemSchema = z.object({
  kind: z.string().min(1),
  key: z.string(),
  op: z.enum(['create', 'update', 'delete']),
  category: z.enum(['missingInTarget', 'different', 'onlyInTarget']),
  accepted: z.boolean().optional(),
  summary: z.string(),
  changes: z.array(fieldChange),
});

export const LeakFindingSchema = z.object({
  kind: z.string().min(1),
  key: z.string(),
  field: z.string(),
  names: z.enum(['sourceBucket', 'sourceRegion', 'sourceAccount']),
  reference: z.string(),
});

export const DriftReportSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('lakemirror.drift'),
  generatedAt: isoTime,
  source: accountRegion,
  target: accountRegion,
  inSync: z.boolean(),
  targetOnlyAccepted: z.boolean(),
  countsByKind: z.record(
    z.string(),
    z.object({
      source: count,
      target: count,
      drifted: count,
      missingInTarget: count,
      different: count,
      onlyInTarget: count,
    }),
  ),
  drift: z.array(DriftItemSchema),
  leaks: z.array(LeakFindingSchema).optional(),
  skipped: z.array(z.object({ kind: z.string(), key: z.string(), reason: z.string() })).optional(),
});

export const DrillReportSchema = z.object({
  schemaVersion: z.literal(1),
  kind: z.literal('lakemirror.drill'),
  generatedAt: isoTime,
  verdict: status,
  durationMs: z.number().nonnegative(),
  thresholds: z.object({ maxRpoMinutes: z.number().nonnegative(), maxRtoMinutes: z.number().nonnegative() }),
  rpo: z.object({
    minutes: z.number().nonnegative().nullable(),
    oldestPendingChange: z
      .object({ eventTime: isoTime, eventName: z.string(), object: z.string() })
      .optional(),
    status,
  }),
  rto: z.object({
    minutes: z.number().nonnegative(),
    restoredObjects: count,
    scratchTarget: z.string(),
    status,
    failover: z
      .object({
        minutes: z.number().nonnegative(),
        steps: z.array(z.object({ name: z.string(), ms: z.number().nonnegative() })),
      })
      .optional(),
  }),
  targets: z.array(DriftReportSchema),
  checks: z.array(
    z.object({
      name: z.string(),
      status: z.enum(['pass', 'fail', 'skipped']),
      detail: z.string(),
      fix: z.string().optional(),
      failures: z.array(z.string()).optional(),
    }),
  ),
  lagHistory: z.array(z.object({ time: isoTime, lagSeconds: z.number().nonnegative() })),
});

// The schemas and the interfaces must describe the same shape: these fail to compile if they drift apart.
({}) as z.infer<typeof DriftReportSchema> satisfies DriftReport;
({}) as DriftReport satisfies z.infer<typeof DriftReportSchema>;
({}) as z.infer<typeof DrillReportSchema> satisfies DrillReport;
({}) as DrillReport satisfies z.infer<typeof DrillReportSchema>;

/** Either report, told apart by `kind`. */
export const ReportSchema = z.discriminatedUnion('kind', [DriftReportSchema, DrillReportSchema]);

/** Validates a parsed JSON document as a report; throws a `ZodError` naming the bad paths. */
export function parseReport(json: unknown): Report {
  return ReportSchema.parse(json);
}
