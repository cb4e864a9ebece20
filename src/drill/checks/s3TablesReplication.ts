import { S3_TABLES_REASON } from '../../plan/planCatalogs.ts';
import type { DriftReport, DrillCheck } from '../../report/reportTypes.ts';

/**
 * What the drill says of S3 Tables catalogs in scope: their tables are replicated by S3 Tables replication,
 * not by lakemirror, and lakemirror has no S3 Tables client to read that replication's status. The check says
 * so plainly (skipped, with the command that reads it) instead of passing what it did not look at. None when
 * no target skipped an S3 Tables catalog.
 */
export function s3TablesReplicationChecks(reports: readonly DriftReport[]): DrillCheck[] {
  return reports.flatMap((report) => {
    const catalogs = (report.skipped ?? [])
      .filter((s) => s.kind === 'catalog' && s.reason === S3_TABLES_REASON)
      .map((s) => s.key);
    if (catalogs.length === 0) return [];
    return [
      {
        name: `S3 Tables replication to ${report.target.region}`,
        status: 'skipped' as const,
        detail: `Not read: lakemirror has no S3 Tables client, so the replication status of ${catalogs.join(', ')} (whose tables S3 Tables replication copies) is unknown; lakemirror replicated the Lake Formation grants on them.`,
        fix: 'Read it with `aws s3tables get-table-replication-status` for each table of those table buckets.',
      },
    ];
  });
}
