import { z } from 'zod';
import { REGION_EXAMPLES, REGION_PATTERN } from './awsRegion.ts';
import { isPrincipal, PRINCIPAL_EXAMPLES } from './principal.ts';
import { showValue } from './showValue.ts';
import { isValidBucketName, parseSnapshotUri } from './snapshotUri.ts';

const region = z
  .string()
  .regex(REGION_PATTERN, {
    error: (issue) =>
      `unknown AWS Region ${showValue(issue.input)}; allowed: a Region code like ${REGION_EXAMPLES}`,
  })
  .describe('AWS Region code, e.g. us-east-1');

const accountId = z.string().regex(/^\d{12}$/, {
  error: (issue) => `${showValue(issue.input)} is not an AWS account ID; allowed: 12 digits`,
});

const roleArn = z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/, {
  error: (issue) =>
    `${showValue(issue.input)} is not an IAM role ARN; allowed: arn:aws:iam::<12-digit account>:role/<name>`,
});

const bucketName = z.string().refine(isValidBucketName, {
  error: (issue) =>
    `${showValue(issue.input)} is not a valid S3 bucket name; allowed: 3-63 lowercase letters, digits, '.' and '-'`,
});

/** `{ "source-bucket": "target-bucket" }`: S3 locations in replicated objects are rewritten with it. */
const s3Mapping = z.record(bucketName, bucketName).describe('Source bucket → target bucket');

const databasePattern = z.string().regex(/^[^.\s]+$/, {
  error: (issue) =>
    `${showValue(issue.input)} is not a database glob; allowed: a name or glob without '.', e.g. sales_*`,
});
const tablePattern = z.string().regex(/^[^.\s]+\.[^.\s]+$/, {
  error: (issue) =>
    `${showValue(issue.input)} is not a table glob; allowed: 'db.table' globs, e.g. sales.* or *.orders`,
});

/** A catalog below the default one, by its path or a glob of paths: `fed_pg`, `s3tablescatalog/*`. */
const catalogPattern = z.string().regex(/^[^\s:]+$/, {
  error: (issue) =>
    `${showValue(issue.input)} is not a catalog glob; allowed: a catalog path or glob below the default catalog, e.g. fed_pg or s3tablescatalog/*`,
});
const catalogSelection = z
  .union([z.literal('*'), z.array(catalogPattern).min(1)])
  .describe(
    "Catalogs besides the account's default one to replicate: '*' for all, or their paths/globs; default none",
  );

const includeExclude = <T extends z.ZodType>(pattern: T) =>
  z.strictObject({ include: z.array(pattern).optional(), exclude: z.array(pattern).optional() });

const snapshotUri = z.string().superRefine((uri, ctx) => {
  try {
    parseSnapshotUri(uri);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return;
  }
  // A config may be shared or generated: a '..' segment or a NUL byte would send snapshots somewhere unexpected.
  if (uri.includes('\0') || uri.split(/[\\/]/).includes('..')) {
    ctx.addIssue({
      code: 'custom',
      message: `${showValue(uri)} contains a '..' segment or a NUL byte; allowed: an absolute path, a relative path without '..', or s3://bucket/prefix/`,
    });
  }
});

/** EventBridge schedule expression: `rate(5 minutes)` or `cron(0 3 * * ? *)`. */
const scheduleExpression = z
  .string()
  .regex(/^(rate\(\d+ (minute|minutes|hour|hours|day|days)\)|cron\([^()]+\))$/, {
    error: (issue) =>
      `'${String(issue.input)}' is not a schedule expression; allowed: rate(5 minutes) or cron(0 3 * * ? *)`,
  });

/** The retention periods CloudWatch Logs accepts. */
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/** The audit log: a `.jsonl` file, a directory (one file a day) or `s3://bucket/prefix/` (one object a run). */
const auditUri = snapshotUri.describe(
  "Audit log location: a '.jsonl' file, a directory (one file a day) or s3://bucket/prefix/ (one object per run)",
);

const target = z.strictObject({
  region,
  profile: z.string().min(1).optional(),
  roleArn: roleArn.optional().describe('Role assumed (STS AssumeRole) for writes in this target'),
  readOnlyRoleArn: roleArn
    .optional()
    .describe(
      'Read-only role verify and drill assume in this target instead of roleArn; the deployed verify function may assume only these',
    ),
  catalogId: accountId
    .optional()
    .describe('Target Glue catalog (account) ID; defaults to the caller account'),
  s3Mapping: s3Mapping.optional().describe('Overrides the top-level s3Mapping for this target'),
});

/** The lakemirror configuration file. Unknown keys are rejected so typos never silently do nothing. */
export const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    source: z.strictObject({
      region,
      profile: z.string().min(1).optional(),
      accountId: accountId.optional(),
      catalogs: catalogSelection.optional(),
    }),
    targets: z.array(target).min(1, { error: 'no targets; allowed: a list of at least one target Region' }),
    filters: z
      .strictObject({
        databases: includeExclude(databasePattern).optional(),
        tables: includeExclude(tablePattern).optional(),
      })
      .optional(),
    s3Mapping: s3Mapping.optional(),
    deleteMissing: z.boolean().default(false).describe('Delete target objects missing from the source'),
    maxDeletes: z.int().min(0).default(100).describe('Refuse to apply a plan with more deletes than this'),
    replicate: z
      .strictObject({
        catalog: z.boolean().default(true),
        permissions: z.boolean().default(true),
        columnStatistics: z
          .strictObject({
            tables: z.boolean().default(true).describe('Replicate the column statistics of tables'),
            partitions: z
              .boolean()
              .default(false)
              .describe('Replicate the column statistics of partitions (one read per partition)'),
          })
          .prefault({})
          .describe('Which column statistics to replicate with the catalog'),
      })
      .prefault({}),
    snapshots: z
      .strictObject({
        uri: snapshotUri.default('.lakemirror/snapshots'),
        // KMS KeyIdType: 1 to 2048 characters (kms-2014-11-01 model).
        signingKey: z
          .string()
          .min(1)
          .max(2048)
          .regex(/^(arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/)?[A-Za-z0-9-]+$/, {
            error: (issue) =>
              `${showValue(issue.input)} is not a KMS key id or key ARN; allowed: 1234abcd-12ab-34cd-56ef-1234567890ab or arn:aws:kms:<region>:<account>:key/<key id>`,
          })
          .optional()
          .describe(
            'KMS HMAC_256 key (key id, or key ARN; a bare id is a key of the source Region and account): every snapshot written is signed with kms:GenerateMac, every snapshot read must verify with kms:VerifyMac',
          ),
      })
      .prefault({}),
    concurrency: z.int().min(1).max(64).default(8),
    safetySnapshots: z
      .boolean()
      .default(true)
      .describe(
        'Snapshot a target (into <snapshots.uri>/safety/) before an apply that updates or deletes in it',
      ),
    audit: z.strictObject({ uri: auditUri.default('.lakemirror/audit/') }).prefault({}),
    accountMapping: z
      .record(accountId, accountId)
      .optional()
      .describe(
        'Source account ID → target account ID: principals, catalog ids and resource-link targets of a cross-account target are rewritten with it',
      ),
    resourceLinkMapping: z
      .strictObject({
        regions: z
          .record(region, region)
          .optional()
          .describe('Region a resource link points to → Region it should point to'),
        catalogs: z
          .record(accountId, accountId)
          .optional()
          .describe('Catalog (account) a resource link points to → catalog it should point to'),
      })
      .optional()
      .describe('Where replicated resource links (TargetDatabase/TargetTable) point'),
    protectedPrincipals: z
      .array(
        z.string().refine(isPrincipal, {
          error: (issue) =>
            `not a principal: ${showValue(issue.input)}; allowed: an IAM role or user ARN, an account id or IAM_ALLOWED_PRINCIPALS, e.g. ${PRINCIPAL_EXAMPLES}`,
        }),
      )
      .default([])
      .describe(
        'Principals never revoked or removed from data lake admins (the role lakemirror runs as is always protected)',
      ),
    realtime: z
      .strictObject({
        eventTable: z.string().min(3).max(255).default('lakemirror-events'),
        overlapMinutes: z.int().min(0).default(15),
        lookbackMinutes: z.int().min(1).default(60),
        maxAttempts: z.int().min(1).default(5),
        retentionDays: z.int().min(1).default(14),
        deleteMissing: z.boolean().default(true),
        maxChangePercent: z.number().min(0).max(100).default(25),
        capture: z
          .enum(['lookup', 'push'])
          .default('lookup')
          .describe(
            'push: EventBridge → SQS delivers each call in seconds; the lookup stays as the backstop',
          ),
        lookupEveryMinutes: z
          .int()
          .min(1)
          .default(15)
          .describe('With capture "push": minutes between CloudTrail lookups (the backstop)'),
        pushQueue: z
          .string()
          .regex(/^[\w-]{1,80}$/)
          .default('lakemirror-push')
          .describe('With capture "push": the SQS queue the EventBridge rule targets'),
        reconcile: z
          .strictObject({
            everyMinutes: z
              .number()
              .positive()
              .default(60)
              .describe('The whole scope is compared with every target once in this time'),
            maxCallsPerRun: z
              .int()
              .min(10)
              .default(500)
              .describe('API calls one run may spend on the reconcile (estimated from the last runs)'),
          })
          .prefault({})
          .describe('The budgeted compare that repairs what CloudTrail delivered late or never'),
      })
      .prefault({}),
    verify: z
      .strictObject({
        ignoreTargetOnly: z
          .boolean()
          .default(false)
          .describe(
            'verify and drill accept objects only the target holds (still listed, as accepted) instead of reporting them as drift',
          ),
      })
      .prefault({}),
    drill: z
      .strictObject({
        maxRpoMinutes: z.number().positive().default(15),
        maxRtoMinutes: z.number().positive().default(60),
      })
      .prefault({}),
    deploy: z
      .strictObject({
        logRetentionDays: z
          .union(LOG_RETENTION_DAYS.map((days) => z.literal(days)))
          .default(30)
          .describe('CloudWatch Logs retention of every deployed function and state machine'),
        onDemand: z
          .strictObject({
            maxConcurrency: z
              .int()
              .min(1)
              .max(40)
              .default(4)
              .describe('Databases snapshotted/applied at once'),
            schedule: scheduleExpression.optional().describe('Run the on-demand job on this schedule too'),
          })
          .prefault({}),
        realtime: z
          .strictObject({
            collectSchedule: scheduleExpression.default('rate(1 minute)'),
            replaySchedule: scheduleExpression
              .default('rate(5 minutes)')
              .describe('Safety net: the collector also triggers the replayer after every run'),
          })
          .prefault({}),
        alarmTopicArn: z
          .string()
          .regex(/^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[\w-]+$/, {
            error: (issue) => `'${String(issue.input)}' is not an SNS topic ARN`,
          })
          .optional()
          .describe('Existing SNS topic notified by every alarm'),
      })
      .prefault({})
      .describe('AWS CDK deployment (infra/): schedules, concurrency, log retention, alarms'),
    failover: z
      .strictObject({
        from: region.describe('The Region that failed (the old source)'),
        promotedAt: z.iso.datetime(),
        mode: z.enum(['soft', 'hard']),
        baseSnapshot: z
          .string()
          .min(1)
          .describe('Snapshot of the promoted Region at promotion: the last state both Regions shared'),
      })
      .optional()
      .describe('Written by `lakemirror failover` into the reversed config; failback starts from it'),
    localcloud: z
      .strictObject({
        endpoint: z.url({ protocol: /^https?$/ }).optional(),
        dataDir: z
          .string()
          .min(1)
          .optional()
          .describe('Where an embedded local cloud keeps its data (default .lakemirror/localcloud)'),
      })
      .optional()
      .describe('Local emulator; when endpoint is set every AWS client uses it'),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.targets.forEach((t, index) => {
      const id = `${t.region}/${t.catalogId ?? ''}`;
      if (
        t.region === config.source.region &&
        (t.catalogId ?? config.source.accountId) === config.source.accountId
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['targets', index, 'region'],
          message: `target Region '${t.region}' is the source Region; allowed: a different Region or catalogId`,
        });
      }
      if (seen.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['targets', index, 'region'],
          message: `target '${t.region}' is listed twice; allowed: each Region/catalogId once`,
        });
      }
      seen.add(id);
    });
  });

/** The validated configuration with every default applied. */
export type LakemirrorConfig = z.output<typeof configSchema>;
/** What a user may write in the file (defaults optional). */
export type LakemirrorConfigInput = z.input<typeof configSchema>;
/** One replication target as configured. */
export type TargetConfig = LakemirrorConfig['targets'][number];
