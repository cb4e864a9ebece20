import { z } from 'zod';
import { LakemirrorError } from './errors.ts';
import { RECORD_KINDS, type RecordKind, type SnapshotRecord } from './records.ts';
import { stableStringify } from './stableStringify.ts';

/*
 * The snapshot document (docs/design.md, "Snapshot format"): line 1 opens the document with the header, then
 * one record per line, then the trailer line closes it. The whole file is valid JSON.
 */

/** Version 2 puts the header line under the content hash (version 1 hashed the records only). */
export const SNAPSHOT_SCHEMA_VERSION_2 = 2;
/**
 * Version 3 adds record kinds of the modern catalog surface (issue 18: partition indexes, functions, column
 * statistics, Lake Formation opt-ins); a version-2 reader would refuse their records, so they get a version of
 * their own. Version 1 and 2 snapshots read as before (they simply have none).
 */
export const SNAPSHOT_SCHEMA_VERSION_3 = 3;
/**
 * Version 4 adds catalogs below the default one (`catalog` records, `CatalogPath` in Lake Formation resources)
 * and table optimizers: a version-3 reader would refuse them. Versions 1 to 3 read as before.
 */
export const SNAPSHOT_SCHEMA_VERSION_4 = 4;
/** Bumped on any incompatible change; readers refuse versions they do not know. */
export const SNAPSHOT_SCHEMA_VERSION = SNAPSHOT_SCHEMA_VERSION_4;
/** The first version whose content hash covers the header line. */
export const HEADER_HASHED_SINCE = SNAPSHOT_SCHEMA_VERSION_2;
/** Older versions this lakemirror still reads (version 1 with a notice: its header is not covered by the hash). */
export const READABLE_SCHEMA_VERSIONS: readonly number[] = [
  1,
  SNAPSHOT_SCHEMA_VERSION_2,
  SNAPSHOT_SCHEMA_VERSION_3,
  SNAPSHOT_SCHEMA_VERSION,
];
export const SNAPSHOT_FORMAT = 'lakemirror.snapshot';

/** Line 1: where and when the snapshot was taken, and by which tool. */
export const snapshotHeaderSchema = z.strictObject({
  schemaVersion: z.union([
    z.literal(1),
    z.literal(SNAPSHOT_SCHEMA_VERSION_2),
    z.literal(SNAPSHOT_SCHEMA_VERSION_3),
    z.literal(SNAPSHOT_SCHEMA_VERSION_4),
  ]),
  format: z.literal(SNAPSHOT_FORMAT),
  source: z.strictObject({ region: z.string().min(1), accountId: z.string().regex(/^\d{12}$/) }),
  capturedAt: z.iso.datetime({ offset: true }),
  tool: z.string().min(1),
});

/** The MAC algorithm of snapshot signatures; the signing key must be a KMS HMAC_256 key. */
export const SNAPSHOT_MAC_ALGORITHM = 'HMAC_SHA_256';

/**
 * A KMS HMAC over the UTF-8 bytes of `contentHash` (config `snapshots.signingKey`). Readers verify it with the
 * key of their own config, never with `keyId` (which only says which key the writer used).
 */
export const snapshotSignatureSchema = z.strictObject({
  keyId: z.string().min(1),
  algorithm: z.literal(SNAPSHOT_MAC_ALGORITHM),
  mac: z.base64().min(1),
});

/** Last line: what a reader checks to know the file is whole and unchanged. */
export const snapshotTrailerSchema = z.strictObject({
  recordCount: z.number().int().nonnegative(),
  countsByKind: z.partialRecord(z.enum(RECORD_KINDS), z.number().int().nonnegative()),
  contentHash: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  signature: snapshotSignatureSchema.optional(),
});

export type SnapshotHeader = z.infer<typeof snapshotHeaderSchema>;
export type SnapshotTrailer = z.infer<typeof snapshotTrailerSchema>;
export type SnapshotSignature = z.infer<typeof snapshotSignatureSchema>;
export type SnapshotCounts = Partial<Record<RecordKind, number>>;

/** The fixed text around the header and trailer JSON, which makes the file one JSON document. */
export const HEADER_PREFIX = '{"header":';
export const HEADER_SUFFIX = ',"records":[';
export const TRAILER_PREFIX = '],"trailer":';
export const TRAILER_SUFFIX = '}';

/** Line 1: opens the document and the records array. */
export function formatHeaderLine(header: SnapshotHeader): string {
  return `${HEADER_PREFIX}${formatHeaderJson(header)}${HEADER_SUFFIX}`;
}

/** The header JSON of line 1; from version 2 on, the first line `contentHash` covers. */
export function formatHeaderJson(header: SnapshotHeader): string {
  return stableStringify(header);
}

/** A record line without its separating comma; these exact bytes are what `contentHash` covers. */
export function formatRecordLine(record: SnapshotRecord): string {
  return stableStringify(record);
}

/** The last line: closes the records array and the document. */
export function formatTrailerLine(trailer: SnapshotTrailer): string {
  return `${TRAILER_PREFIX}${stableStringify(trailer)}${TRAILER_SUFFIX}`;
}

/** The stable codes of snapshot errors; the CLI and tests match on them. */
export type SnapshotErrorCode =
  | 'snapshot.malformed'
  | 'snapshot.truncated'
  | 'snapshot.schemaVersion'
  | 'snapshot.hashMismatch'
  | 'snapshot.invalidRecord'
  | 'snapshot.order'
  | 'snapshot.changed'
  | 'snapshot.unsigned'
  | 'snapshot.badSignature';

const RETAKE = 'Take a new snapshot with `lakemirror snapshot`.';

/**
 * A LakemirrorError for a bad snapshot, naming the line and the record. A bad snapshot is the user's input
 * (source 'user') when read; when written, the writer is at fault (source 'internal').
 */
export function snapshotError(
  code: SnapshotErrorCode,
  message: string,
  where: { line?: number; key?: string; source?: 'user' | 'internal'; fix?: string; cause?: unknown } = {},
): LakemirrorError {
  const at = [where.line === undefined ? '' : `line ${where.line}`, where.key ? `record ${where.key}` : '']
    .filter(Boolean)
    .join(', ');
  return new LakemirrorError({
    code,
    source: where.source ?? 'user',
    message: at ? `snapshot ${at}: ${message}` : `snapshot: ${message}`,
    ...(where.key ? { object: `record ${where.key}` } : {}),
    fix: where.fix ?? RETAKE,
    ...(where.cause === undefined ? {} : { cause: where.cause }),
  });
}
