import type { SyncReport, TargetReport } from '../../engine/syncReport.ts';
import { plural } from '../../model/plural.ts';
import type { Action } from '../../plan/actions.ts';
import { shellWord } from './shellWord.ts';
import { renderTable } from './table.ts';

/** How the report was asked for: the config path goes into printed commands, so they run as printed. */
export interface RenderContext {
  config?: string;
}

const OP_MARK = { create: '+', update: '~', delete: '-' } as const;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? 'absent';
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** One line per planned action, with the changed fields of updates. */
export function renderActions(actions: readonly Action[]): string[] {
  return actions.map((action) => {
    const fields = (action.changes ?? [])
      .slice(0, 4)
      .map((c) => `${c.path || '(value)'}: ${short(c.before)} → ${short(c.after)}`);
    const more = (action.changes?.length ?? 0) > 4 ? `; +${(action.changes?.length ?? 0) - 4} more` : '';
    return `  ${OP_MARK[action.op]} ${action.kind} ${action.key}${fields.length ? `  (${fields.join('; ')}${more})` : ''}`;
  });
}

function renderTarget(report: SyncReport, target: TargetReport, context: RenderContext): string[] {
  const lines: string[] = [];
  const title = `${report.source.region} → ${target.region} (account ${target.accountId})`;
  if (target.error) {
    lines.push(`${title}: FAILED — ${target.error.message}`);
    if (target.error.fix) lines.push(`  fix: ${target.error.fix}`);
    return lines;
  }
  const calls = `${target.apiCalls.total} API calls (${target.apiCalls.writes} writes)`;
  lines.push(`${title}: ${target.status} in ${seconds(target.durationMs)}, ${calls}`);
  if (target.safetySnapshot)
    lines.push(
      `  safety snapshot: ${target.safetySnapshot} (undo: ${restoreCommand(context, target.safetySnapshot, target.region)})`,
    );
  const rows = Object.entries(target.counts).map(([kind, c]) => [
    kind,
    c.created,
    c.updated,
    c.deleted,
    c.unchanged,
    c.failed,
  ]);
  if (rows.length)
    lines.push(renderTable(['kind', 'created', 'updated', 'deleted', 'unchanged', 'failed'], rows));
  const changed = Object.values(target.counts).some((c) => c.created + c.updated + c.deleted > 0);
  if (!changed && target.failures.length === 0)
    lines.push(
      target.keptTargetOnly
        ? `Nothing to create or update in ${target.region}.`
        : `Nothing to do: ${target.region} already matches the source.`,
    );
  if (target.keptTargetOnly)
    lines.push(
      `${report.dryRun ? 'would keep' : 'kept'} ${target.keptTargetOnly} objects only the target holds (deleteMissing is off); \`lakemirror verify\` lists them`,
    );
  for (const s of target.skipped ?? []) lines.push(`  – skipped ${s.kind} ${s.key}: ${s.reason}`);
  if (report.dryRun && target.actions.length) {
    lines.push('Planned changes:', ...renderActions(target.actions));
    if (target.unlistedPartitionActions)
      lines.push(`  … and ${plural(target.unlistedPartitionActions, 'more partition change')}`);
  }
  if (target.failures.length) {
    lines.push(`${plural(target.failures.length, 'action')} failed (all others were applied):`);
    for (const f of target.failures.slice(0, 50))
      lines.push(`  ✗ ${f.op} ${f.kind} ${f.key}: ${f.error?.code} ${f.error?.message}`);
    if (target.failures.length > 50) lines.push(`  … and ${target.failures.length - 50} more (see --json)`);
  }
  return lines;
}

/** The terminal form of a sync or plan report. */
export function renderSyncReport(report: SyncReport, context: RenderContext = {}): string {
  const head = report.dryRun ? 'Plan' : 'Sync';
  const lines = [
    `${head} from ${report.source.region} (account ${report.source.accountId}), ${report.snapshot.uri ? `snapshot ${report.snapshot.uri}` : 'snapshot not kept'} (${plural(report.snapshot.recordCount, 'record')}), ${seconds(report.durationMs)}, source ${report.source.apiCalls.total} API calls`,
  ];
  for (const target of report.targets) lines.push('', ...renderTarget(report, target, context));
  return lines.join('\n');
}

/** The undo command, runnable as printed. */
export function restoreCommand(context: RenderContext, snapshot: string, region: string): string {
  const config = context.config ? ` --config ${shellWord(context.config)}` : '';
  return `lakemirror restore${config} --snapshot ${shellWord(snapshot)} --target ${region}`;
}
