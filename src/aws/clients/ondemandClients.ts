import type { ClientBuilders } from './clientBuilders.ts';
import { glue } from './glue.ts';
import { kms } from './kms.ts';
import { lakeFormation } from './lakeFormation.ts';
import { s3 } from './s3.ts';
import { sts } from './sts.ts';

/**
 * What the on-demand use cases (snapshot, sync, plan, verify, restore) use: the catalog and Lake Formation,
 * STS for the caller's identity, S3 for snapshots, leases and the audit log, KMS for signed snapshots. A
 * module of its own: a bundle holds the clients of the sets it imports (the SDK ships CommonJS, which a
 * bundler cannot shake).
 */
export const ONDEMAND_CLIENTS = { glue, lakeFormation, sts, s3, kms } satisfies ClientBuilders;
