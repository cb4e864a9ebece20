import { LakemirrorError } from '../model/errors.ts';

/**
 * What the on-demand state machine passes between its Lambda tasks. Field names here are the
 * JSONPaths in `infra/constructs/onDemandStateMachine.ts`; change both together.
 */

/** One snapshot shard: one database, or the catalog-level objects (no `database`). */
export interface Shard {
  database?: string;
  snapshotUri: string;
}

/** Execution input: `{}` for a new snapshot; `snapshotPrefix` restores an older run's shards. */
export interface RunInput {
  /** `s3://bucket/…/runs/<id>/` of an earlier execution. */
  snapshotPrefix?: string;
  /** Plan only (the CLI's `plan`): nothing is written to the targets. */
  dryRun?: boolean;
}

/** Output of the first task (`listDatabases`). */
export interface RunPlan {
  /** `s3://bucket/…/runs/<execution name>/`: this run's manifest, shard reports and report. */
  runUri: string;
  /** Bucket and key of this run's `manifest.json` (written by the state machine itself). */
  bucket: string;
  manifestKey: string;
  dryRun: boolean;
  /** Target Regions, from the deployed config. */
  targets: string[];
  /** True when restoring `snapshotPrefix`: the snapshot Map is skipped. */
  restore: boolean;
  /** Databases to snapshot (a new run). */
  databases: string[];
  /** The shards to apply (a restore; a new run gets them from the snapshot Map). */
  catalogShard?: Shard;
  databaseShards?: Shard[];
}

/** The manifest every run writes: which shards it applied. */
export interface RunManifest {
  catalogShard: Shard;
  databaseShards: Shard[];
  targets: string[];
  restoredFrom?: string;
}

/** File-safe name of a shard: `catalog` or `database-<name>`. */
export function shardName(database: string | undefined): string {
  if (database === undefined) return 'catalog';
  const safe = database.replace(/[^a-z0-9_-]/gi, (c) => `_${c.charCodeAt(0).toString(16)}`);
  return `database-${safe}`;
}

/** `s3://bucket/prefix/` → `{ bucket, key }`. */
export function splitS3Uri(uri: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/(.*)$/.exec(uri);
  if (!match)
    throw new LakemirrorError({
      code: 'handler.notS3Uri',
      source: 'user',
      object: uri,
      message: `not an s3:// URI: ${uri}`,
      fix: 'pass an s3://bucket/prefix/ URI (the run and snapshot locations of the deployed state machine are S3 URIs)',
    });
  return { bucket: match[1] ?? '', key: match[2] ?? '' };
}

/** Where one shard's apply report for one target goes. */
export function shardReportUri(runUri: string, target: string, database: string | undefined): string {
  return `${runUri}reports/${target}/${shardName(database)}.json`;
}
