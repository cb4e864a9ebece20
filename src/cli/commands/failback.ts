import { type Command, Option } from 'commander';
import { runFailback } from '../../failover/runFailback.ts';
import type { Prefer } from '../../failover/threeWay.ts';
import type { CommandContext } from '../context.ts';
import { type RuntimeFlags, withRuntime } from '../runCommand.ts';
import { configCommand } from './common.ts';

interface FailbackFlags extends RuntimeFlags {
  dryRun?: boolean;
  prefer?: Prefer;
  confirm?: boolean;
}

/**
 * `lakemirror failback --config REVERSED`: brings the promoted Region's changes to the old source (see
 * src/failover/runFailback.ts). Exit 0 done, 2 dry run, 4 conflicts left unapplied, 1 error.
 */
export function failbackCommand(ctx: CommandContext): Command {
  return configCommand(
    'failback',
    'bring the changes made in the promoted Region home (run with the reversed config)',
  )
    .option('--dry-run', 'print the three-way plan only; change nothing')
    .addOption(
      new Option('--prefer <side>', 'settle conflicts with this side').choices(['promoted', 'source']),
    )
    .option('--confirm', 'apply even when the plan deletes more than maxDeletes objects')
    .action(async (flags: FailbackFlags) => {
      await withRuntime(ctx, flags, async (runtime) => {
        const report = await runFailback(runtime, {
          dryRun: flags.dryRun === true,
          confirm: flags.confirm === true,
          ...(flags.prefer ? { prefer: flags.prefer } : {}),
        });
        if (flags.json) ctx.out(JSON.stringify(report, null, 2));
        else {
          const line = (label: string, items: ReadonlyArray<{ kind: string; key: string }>) =>
            `${label}: ${items.length}${items.length ? ` (${items.map((i) => `${i.kind} ${i.key}`).join(', ')})` : ''}`;
          ctx.out(
            [
              `Failback ${report.promoted} → ${report.oldSource} from base ${report.baseSnapshot}${report.dryRun ? ' (dry run)' : ''}`,
              line('  changed only in the promoted Region (applied)', report.onlyPromoted),
              line('  changed only in the old source (reported, kept)', report.onlySource),
              line('  conflicts (kept unless --prefer)', report.conflicts),
              `next: ${report.next}`,
            ].join('\n'),
          );
        }
        if (report.dryRun) return 2;
        return report.conflicts.some((c) => !c.resolved) ? 4 : 0;
      });
    });
}
