/**
 * Every error code lakemirror raises, with what it means. `LakemirrorError.code` is typed by this registry, so a
 * new code is added here first; tests and the CLI match on codes, never on messages. `aws.<ExceptionName>` is
 * the one open family: an AWS error passed on by `callWithRetry` keeps the service's exception name.
 */
export const ERROR_CODES = {
  'apply.catalogConnectionMissing':
    'a catalog is skipped: the target Region lacks its connection, or its parent catalog is skipped',
  'apply.lfTagAssignment': 'some LF-Tag pairs of a resource could not be added or removed',
  'audit.malformed': 'an audit log line is not a lakemirror audit record',
  'aws.credentials': 'the credentials (or the role to assume) do not work in a Region',
  'aws.unreachable': 'an AWS endpoint (or the local cloud) does not answer',
  'cli.invalidDuration': 'a duration flag is not a duration',
  'cli.invalidSince': '--since is neither a time nor a duration',
  'collect.writeFailed': 'events read from CloudTrail could not be staged in the event table',
  'config.databaseNotFound': 'a configured or named database does not exist in the source',
  'config.filterMatchesNothing': 'a filter of the config matches nothing (an error with --strict)',
  'config.invalid': 'the config breaks its schema',
  'config.malformed': 'the config file is not JSON or YAML',
  'config.notFound': 'the config file does not exist',
  'config.region': 'a Region is missing or not a Region',
  'config.snapshotUri': 'snapshots.uri is not a usable location',
  'config.unknownTarget': '--target names no target of the config',
  'config.unreadable': 'the config file cannot be read',
  'drill.noScratchRegion': 'no scratch Region is configured for the restore drill',
  'drill.scratchNotEmpty': 'the scratch Region holds objects lakemirror did not put there',
  'drill.scratchRegionInUse': 'the scratch Region is the source or a target',
  'drill.scratchRegionRequired': 'the restore drill needs --scratch-region',
  'failback.notReversed': 'failback found a config that is not the reverse of the failover',
  'failover.breakerTripped': 'failover stopped: the target is too far behind the source',
  'failover.cannotStopCapture': 'failover may not read or disable the deployed real-time rules',
  'failover.noTargetState': 'failover found no replication state in the target Region',
  'failover.notInSync': 'the target is not in sync and --force was not given',
  'flags.interval': '--interval is not a positive duration',
  'flags.outDirectory': '--out names a directory that does not exist',
  'flags.outFormat': '--out has an extension no report format has',
  'flags.profile': '--profile names no profile',
  'flags.region': '--region is not a Region',
  'flags.target': '--target is not a Region of the config',
  'handler.configMissing': 'a Lambda function finds no deployed config',
  'handler.manifestMissing': 'a Lambda task finds no manifest for the run',
  'handler.notS3Uri': 'a run or snapshot location given to a Lambda task is not an s3:// URI',
  'handler.snapshotPrefix': 'a restore prefix is not under the deployed snapshots location',
  'internal.clientNotBuilt': 'a runtime built with some clients was asked for another one',
  'internal.invalidSegments': 'a paged read was asked for an impossible segment count',
  'internal.missingClient': 'an S3 location is configured and no S3 client was passed',
  'internal.multilineSnapshotLine': 'a snapshot line to write holds a line break',
  'internal.partitionOrder': 'partitions were asked for out of table key order',
  'internal.partitionPlanMissing': 'the apply pass met a table the read-only pass did not plan',
  'internal.testHook': 'a test hook stopped the run on purpose',
  'internal.unknownKind': 'an action of a kind its applier does not handle',
  'lease.held': 'another run holds the target lease',
  'localcloud.notInstalled': 'the local cloud package @lakemirror/localcloud is not installed',
  'model.invalidObject': 'an object read from AWS breaks the API model',
  'model.invalidResource': 'a Lake Formation resource names no known resource type',
  'plan.maxDeletesExceeded': 'a plan deletes more than safety.maxDeletes allows',
  'push.queueMissing': 'the push capture queue does not exist',
  'realtime.eventTableDenied': 'the event table cannot be read or written with these credentials',
  'realtime.eventTableMissing': 'the event table does not exist',
  'restore.otherTarget': 'the snapshot was taken of another Region or account than the restore target',
  'snapshot.badSignature': 'the snapshot signature does not verify with the configured key',
  'snapshot.changed': 'the snapshot changed between two reads of one run',
  'snapshot.hashMismatch': "the snapshot's content hash does not match its records",
  'snapshot.invalidName': 'a snapshot name has characters a snapshot name cannot have',
  'snapshot.invalidRecord': 'a snapshot record breaks the API limits',
  'snapshot.invalidUri': 'a snapshot location is neither a path nor an s3:// URI',
  'snapshot.malformed': 'a snapshot line is not JSON or not where it belongs',
  'snapshot.notFound': 'the snapshot does not exist',
  'snapshot.order': 'snapshot records are out of order',
  'snapshot.schemaVersion': 'the snapshot has a schema version this lakemirror cannot read',
  'snapshot.truncated': 'the snapshot ends before its trailer',
  'snapshot.unsigned': 'a signing key is configured and the snapshot is unsigned',
  'sync.otherSource': 'the snapshot was taken of another Region or account than the configured source',
  'sync.staleSnapshot': 'the snapshot is older than what the target already applied',
} as const;

/** A code of the registry. */
export type RegisteredErrorCode = keyof typeof ERROR_CODES;

/**
 * Every code of a warning or notice sent through the output port, with what it means: the CLI prints the
 * message, the Lambda log carries the code, tests assert the code. A warning about what would be an error with
 * `--strict` carries that error's code (`config.filterMatchesNothing`).
 */
export const NOTICE_CODES = {
  'audit.notWritten': 'an audit record or the audit log could not be written; the run went on',
  'drill.noEventTable': 'no event table: the drill takes its RPO from verify alone',
  'drill.scratchWrites': 'the restore drill will create (and delete) objects in a real scratch Region',
  'drill.undatedDrift': 'some drifted objects carry no change time; RPO counts the dated ones',
  'failover.resuming': 'a failover of another mode was left unfinished and is finished first',
  'localcloud.started': 'the command started an embedded local cloud',
  'plan.undecidedS3': 'a field names a source bucket that s3Mapping cannot rewrite',
  'plan.viewOutsideFilter': 'a replicated view reads tables outside the filters',
  'realtime.watchRetry': 'one round of `realtime watch` failed; it retries after the interval',
  'replay.breakerHeld': 'the circuit breaker held a mass change; the rest was applied',
  'replay.targetStopped': 'replication into a target is stopped by a failover: not replayed',
  'replicationState.notKept': 'no bucket of the target Region keeps its replication state',
  'replicationState.notWritten': "a target's replication state could not be written in its Region",
  'snapshot.headerNotHashed': "a schemaVersion 1 snapshot's header is not covered by its content hash",
  'snapshot.safetyWritten': 'a safety snapshot of a target was written before a change',
  'snapshot.written': 'a source snapshot was written',
  'sync.objectSkipped':
    'a source object cannot exist in the target (S3 Tables or Redshift catalog, missing connection): skipped',
  'sync.partialCreates': 'the source snapshot failed after the early pass created objects (creates only)',
  'sync.targetFailed': 'one target of a run failed; the others went on',
  'watermark.notRead': 'the watermark could not be read after a replay',
} as const;

/** The code of a warning or notice: a notice code, or the error code of what `--strict` would refuse. */
export type NoticeCode = keyof typeof NOTICE_CODES | RegisteredErrorCode;

/** An AWS service exception passed on by `callWithRetry`, named as the service names it. */
export type AwsErrorCode = `aws.${string}`;

/** What `LakemirrorError.code` may hold. */
export type ErrorCode = RegisteredErrorCode | AwsErrorCode;

/** True when `code` is a code lakemirror raises (for codes that arrive as strings, e.g. from a report). */
export function isErrorCode(code: string): code is ErrorCode {
  return code.startsWith('aws.') || Object.hasOwn(ERROR_CODES, code);
}
