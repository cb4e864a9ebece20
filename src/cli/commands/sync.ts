import type { Command } from 'commander';
import { runSync } from '../../ondemand/runSync.ts';
import { syncExitCode } from '../../ondemand/syncReport.ts';
import type { CommandContext } from '../context.ts';
import { renderSyncReport } from '../render/syncReportText.ts';
import { type RuntimeFlags, withRuntime } from '../runCommand.ts';
import { awsCommand } from './common.ts';
import { parseWait, WAIT_HELP } from './waitFlag.ts';

interface SyncFlags extends RuntimeFlags {
  snapshot?: string;
  dryRun?: boolean;
  json?: boolean;
  target?: string[];
  database?: string[];
  wait?: string;
  force?: boolean;
}

/** Shared by `sync` and `plan`: the same use case, with or without applying. */
function syncLike(
  ctx: CommandContext,
  name: 'sync' | 'plan',
  description: string,
  alwaysDry: boolean,
): Command {
  const command = awsCommand(name, description)
    .option('--snapshot <file|s3://…>', 'apply this snapshot instead of reading the source (restore)')
    .option(
      '--force',
      'with --snapshot: apply a snapshot taken of another Region or account than the source, or older than what a target has',
    )
    .option('--target <region...>', 'only these target Regions')
    .option('--database <name...>', 'only these databases')
    .option('--json', 'print the versioned JSON report on stdout');
  if (!alwaysDry)
    command.option('--dry-run', 'plan only; change nothing').option('--wait <duration>', WAIT_HELP);
  return command.action(async (flags: SyncFlags) => {
    await withRuntime(ctx, flags, async (runtime) => {
      const dryRun = alwaysDry || flags.dryRun === true;
      if (!dryRun && !runtime.local) {
        const source = await runtime.source();
        ctx.err(
          `Applying to AWS: source ${source.region} (account ${source.accountId}) → ${runtime.config.targets.map((t) => t.region).join(', ')}`,
        );
      }
      const report = await runSync(runtime, {
        dryRun,
        ...(flags.snapshot ? { snapshotUri: flags.snapshot } : {}),
        ...(flags.target ? { targets: flags.target } : {}),
        ...(flags.database ? { databases: flags.database } : {}),
        ...(flags.force ? { force: true } : {}),
        ...(flags.wait ? { lease: { command: 'sync', waitMs: parseWait(flags.wait) } } : {}),
      });
      ctx.out(flags.json ? JSON.stringify(report, null, 2) : renderSyncReport(report));
      return syncExitCode(report);
    });
  });
}

/** `lakemirror sync`: snapshot → plan → apply → report. Exit 0 done, 1 error, 3 partial failure. */
export function syncCommand(ctx: CommandContext): Command {
  return syncLike(ctx, 'sync', 'replicate the source to every target (snapshot, plan, apply, report)', false);
}

/** `lakemirror plan`: what sync would change. Exit 0 nothing to do, 2 changes pending. */
export function planCommand(ctx: CommandContext): Command {
  return syncLike(ctx, 'plan', 'show what sync would change; exit 2 when something would', true);
}
