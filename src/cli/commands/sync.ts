import { basename, dirname } from 'node:path';
import type { Command } from 'commander';
import { type SyncReport, syncExitCode } from '../../engine/syncReport.ts';
import { LakemirrorError } from '../../model/errors.ts';
import { runSync } from '../../ondemand/runSync.ts';
import type { CommandContext } from '../context.ts';
import { assertWritableDirectory } from '../flags/outPath.ts';
import { renderSyncReport } from '../render/syncReportText.ts';
import { type RuntimeFlags, reportError, withRuntime } from '../runCommand.ts';
import { configCommand } from './common.ts';
import { parseWait, WAIT_HELP } from './waitFlag.ts';

interface SyncFlags extends RuntimeFlags {
  snapshot?: string;
  dryRun?: boolean;
  out?: string;
  detailedExitcode?: boolean;
  wait?: string;
  force?: boolean;
}

/** Shared by `sync` and `plan`: the same use case, with or without applying. */
function syncLike(ctx: CommandContext, name: 'sync' | 'plan', description: string): Command {
  const plan = name === 'plan';
  const command = configCommand(name, description)
    .option('--snapshot <file|s3://…>', 'apply this snapshot instead of reading the source (restore)')
    .option(
      '--force',
      'with --snapshot: apply a snapshot taken of another Region or account than the source, or older than what a target has',
    )
    .option('--strict', 'a filter that matches nothing is an error (exit 1), not a warning');
  if (plan)
    command
      .option(
        '--out <file.json|dir>',
        'keep the source snapshot the plan reads (by default nothing is written)',
      )
      .option('--detailed-exitcode', 'exit 2 when changes are pending (0: nothing to do)');
  else command.option('--dry-run', 'plan only; change nothing').option('--wait <duration>', WAIT_HELP);
  return command.action(async (flags: SyncFlags) => {
    let out: ReturnType<typeof snapshotOut> | undefined;
    try {
      out = plan && flags.out ? snapshotOut(flags.out) : undefined;
    } catch (error) {
      ctx.setExitCode(reportError(ctx, error));
      return;
    }
    await withRuntime(
      ctx,
      { ...flags, ...(out ? { snapshots: out.store } : {}) },
      async (runtime) => {
        const dryRun = plan || flags.dryRun === true;
        if (!dryRun && !runtime.local) {
          const source = await runtime.source();
          ctx.err(
            `Applying to AWS: source ${source.region} (account ${source.accountId}) → ${runtime.config.targets.map((t) => t.region).join(', ')}`,
          );
        }
        const report = await runSync(runtime, {
          dryRun,
          ...(out ? { keepSnapshot: true, ...(out.name ? { snapshotName: out.name } : {}) } : {}),
          ...(flags.snapshot ? { snapshotUri: flags.snapshot } : {}),
          ...(flags.database ? { databases: flags.database } : {}),
          ...(flags.force ? { force: true } : {}),
          ...(flags.wait ? { lease: { command: 'sync', waitMs: parseWait(flags.wait) } } : {}),
        });
        ctx.out(
          flags.json ? JSON.stringify(report, null, 2) : renderSyncReport(report, { config: flags.config }),
        );
        return plan ? planExitCode(report, flags.detailedExitcode === true) : syncExitCode(report);
      },
      () => {
        if (out && !out.store.startsWith('s3://')) assertWritableDirectory(out.store, flags.out!);
      },
    );
  });
}

/** `plan --out`: a `.json` file names the snapshot file; anything else is a directory or an S3 prefix. */
function snapshotOut(out: string): { store: string; name?: string } {
  if (out.startsWith('s3://')) return { store: out };
  if (/\.json$/i.test(out)) return { store: dirname(out), name: basename(out) };
  if (/\.[a-z0-9]{1,5}$/i.test(out))
    throw new LakemirrorError({
      code: 'flags.outFormat',
      source: 'user',
      object: `--out ${out}`,
      message: `plan --out writes a snapshot: '${out}' is neither a .json file nor a directory`,
      fix: 'pass --out snapshot.json, a directory, or an s3://bucket/prefix/',
    });
  return { store: out };
}

/**
 * `plan` succeeds with 0 whatever it found (so `set -e` scripts go on); `--detailed-exitcode` makes pending
 * changes 2, as terraform's `-detailed-exitcode` does. A failed target is 3 (partial) or 1 either way.
 */
export function planExitCode(report: SyncReport, detailed: boolean): number {
  const code = syncExitCode(report);
  return code === 2 && !detailed ? 0 : code;
}

/** `lakemirror sync`: snapshot → plan → apply → report. Exit 0 done, 1 error, 3 partial failure. */
export function syncCommand(ctx: CommandContext): Command {
  return syncLike(ctx, 'sync', 'replicate the source to every target (snapshot, plan, apply, report)');
}

/** `lakemirror plan`: what sync would change, read-only. Exit 0, or 2 for pending changes with --detailed-exitcode. */
export function planCommand(ctx: CommandContext): Command {
  return syncLike(ctx, 'plan', 'show what sync would change (read-only; writes nothing unless --out)');
}
