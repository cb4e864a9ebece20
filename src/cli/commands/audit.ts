import { Command } from 'commander';
import { type AuditEntry, auditEntries } from '../../audit/auditEntries.ts';
import { auditMatcher, parseSince } from '../../audit/auditFilter.ts';
import type { AuditRecord } from '../../audit/auditRecord.ts';
import { openAuditSource } from '../../audit/openAuditLog.ts';
import { loadConfig } from '../../config/loadConfig.ts';
import { createRuntime } from '../../engine/createRuntime.ts';
import type { CommandContext } from '../context.ts';
import { renderTable } from '../render/table.ts';
import { reportError } from '../runCommand.ts';

interface AuditFlags {
  config?: string;
  endpoint?: string;
  profile?: string;
  since?: string;
  run?: string;
  object?: string;
  op?: string;
  failed?: boolean;
  json?: boolean;
}

const DEFAULT_AUDIT_URI = '.lakemirror/audit/';

/** `lakemirror audit`: lists the writes lakemirror made, filtered. Exit 0, 1 on error. */
export function auditCommand(ctx: CommandContext): Command {
  return new Command('audit')
    .description('list the writes lakemirror made (the audit log), filtered')
    .option('-c, --config <file>', `lakemirror config (default audit log: ${DEFAULT_AUDIT_URI})`)
    .option('--profile <name>', 'AWS profile, for an audit log in S3')
    .option('--endpoint <url>', 'send AWS calls to this endpoint (e.g. the local cloud)')
    .option('--since <2h|ISO time>', 'only writes since then')
    .option('--run <id>', 'only this run (a prefix of the run id is enough)')
    .option('--object <glob>', "only objects whose key matches, e.g. 'sales.*'")
    .option(
      '--op <operation>',
      'only this operation (CreateTable, BatchGrantPermissions) or create|update|delete',
    )
    .option('--failed', 'only failed writes')
    .option('--json', 'print the records as one JSON document')
    .action(async (flags: AuditFlags) => {
      try {
        const config = flags.config ? await loadConfig(flags.config) : undefined;
        const uri = config?.audit.uri ?? DEFAULT_AUDIT_URI;
        const runtime = config
          ? createRuntime(config, {
              ...(flags.profile ? { profile: flags.profile } : {}),
              ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
            })
          : undefined;
        const matches = auditMatcher({
          ...(flags.since ? { since: parseSince(flags.since, new Date()) } : {}),
          ...(flags.run ? { runId: flags.run } : {}),
          ...(flags.object ? { object: flags.object } : {}),
          ...(flags.op ? { op: flags.op } : {}),
          ...(flags.failed ? { failed: true } : {}),
        });
        const source = openAuditSource(uri, {
          region: config?.source.region ?? 'us-east-1',
          ...(runtime ? { s3: () => runtime.clients(runtime.config.source.region).s3 } : {}),
        });
        const stored: AuditRecord[] = [];
        for await (const { record } of source.read()) stored.push(record);
        const records = auditEntries(stored).filter(matches);
        ctx.out(
          flags.json
            ? JSON.stringify({ schemaVersion: 1, kind: 'lakemirror.audit', uri, records }, null, 2)
            : renderAudit(uri, records),
        );
        ctx.setExitCode(0);
      } catch (error) {
        ctx.setExitCode(reportError(ctx, error));
      }
    });
}

/** Why an `unknown` write needs no action: the next run's plan reads the target and settles it. */
export const UNKNOWN_SETTLED =
  'unknown: the run ended before the target answered, so the target may or may not have the write; the next sync reads the target again and plans what is missing or different, which settles it';

function renderAudit(uri: string, records: readonly AuditEntry[]): string {
  if (records.length === 0) return `No matching writes in ${uri}.`;
  const rows = records.map((r) => [
    r.time,
    r.runId.slice(0, 8),
    r.region,
    r.operation,
    r.object,
    r.result === 'error' ? `error ${r.errorCode ?? ''}`.trim() : r.result,
  ]);
  const unknown = records.filter((r) => r.result === 'unknown').length;
  const table = `${renderTable(['time', 'run', 'region', 'operation', 'object', 'result'], rows)}\n${records.length} writes in ${uri}`;
  return unknown === 0 ? table : `${table}\n${unknown} ${UNKNOWN_SETTLED}`;
}
