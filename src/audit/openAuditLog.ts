import type { S3Client } from '@aws-sdk/client-s3';
import { parseSnapshotUri } from '../config/snapshotUri.ts';
import { LakemirrorError } from '../model/errors.ts';
import type { AuditLog, AuditSource } from './auditLog.ts';
import { fileAuditLog, fileAuditSource } from './fileAuditLog.ts';
import { s3AuditLog, s3AuditSource } from './s3AuditLog.ts';

/** What opening the configured audit log needs: the S3 client only for an `s3://` location. */
export interface AuditDeps {
  s3?: () => S3Client;
  region: string;
}

function s3Of(deps: AuditDeps, uri: string): S3Client {
  if (!deps.s3)
    throw new LakemirrorError({
      code: 'internal.missingClient',
      source: 'internal',
      object: uri,
      message: `an S3 client is needed for the audit log ${uri}`,
    });
  return deps.s3();
}

/** The audit log of config `audit.uri` for one run. */
export function openAuditLog(
  uri: string,
  run: { runId: string; startedAt: string },
  deps: AuditDeps,
): AuditLog {
  const location = parseSnapshotUri(uri);
  if (location.kind === 'file') return fileAuditLog(location.directory);
  return s3AuditLog(s3Of(deps, uri), location, run, { region: deps.region });
}

/** Every record of the audit log at `uri`, for `lakemirror audit`. */
export function openAuditSource(uri: string, deps: AuditDeps): AuditSource {
  const location = parseSnapshotUri(uri);
  if (location.kind === 'file') return fileAuditSource(location.directory);
  return s3AuditSource(s3Of(deps, uri), location, { region: deps.region });
}
