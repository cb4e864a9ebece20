import type { Command } from 'commander';
import { syncExitCode } from '../../engine/syncReport.ts';
import { LakemirrorError } from '../../model/errors.ts';
import { runRestore } from '../../ondemand/runRestore.ts';
import type { CommandContext } from '../context.ts';
import { renderSyncReport } from '../render/syncReportText.ts';
import { type RuntimeFlags, withRuntime } from '../runCommand.ts';
import { configCommand } from './common.ts';
import { parseWait, WAIT_HELP } from './waitFlag.ts';

interface RestoreFlags extends RuntimeFlags {
  snapshot: string;
  dryRun?: boolean;
  force?: boolean;
  confirm?: boolean;
  wait?: string;
}

/**
 * `lakemirror restore`: make a target equal to a snapshot (normally its pre-sync safety snapshot), deleting
 * what the snapshot lacks. Prints the plan first. Exit 0 done, 2 changes pending (dry run), 3 partial, 1 error.
 */
export function restoreCommand(ctx: CommandContext): Command {
  return configCommand('restore', 'put a target back as a snapshot of it has it (undo a bad sync)')
    .requiredOption('--snapshot <file|s3://…>', "the snapshot to restore (e.g. a target's safety snapshot)")
    .option('--dry-run', 'print the plan only; change nothing')
    .option('--force', 'apply a snapshot taken of another Region or account')
    .option('--confirm', 'apply even when the plan deletes more than maxDeletes objects')
    .option('--wait <duration>', WAIT_HELP)
    .action(async (flags: RestoreFlags) => {
      await withRuntime(ctx, flags, async (runtime) => {
        const report = await runRestore(runtime, {
          snapshotUri: flags.snapshot,
          dryRun: flags.dryRun === true,
          force: flags.force === true,
          confirm: flags.confirm === true,
          ...(flags.target ? { target: oneTarget(flags.target) } : {}),
          ...(flags.database ? { databases: flags.database } : {}),
          ...(flags.wait ? { waitMs: parseWait(flags.wait) } : {}),
          onPlan: (plan) => {
            const target = plan.targets[0]!;
            ctx.err(
              `Restoring ${target.region} (account ${target.accountId}) to ${plan.snapshot.uri}${runtime.local ? '' : ' in AWS'}`,
            );
            if (!flags.json) ctx.out(renderSyncReport(plan, { config: flags.config }));
          },
        });
        if (flags.json) ctx.out(JSON.stringify(report, null, 2));
        else if (!report.dryRun) ctx.out(renderSyncReport(report, { config: flags.config }));
        return syncExitCode(report);
      });
    });
}

/** A restore puts back one target: `--target` (a common flag, a list) names at most one. */
function oneTarget(regions: readonly string[]): string {
  if (regions.length === 1) return regions[0]!;
  throw new LakemirrorError({
    code: 'flags.target',
    source: 'user',
    object: `--target ${regions.join(' ')}`,
    message: 'restore puts back one target at a time',
    fix: 'pass one Region with --target',
  });
}
