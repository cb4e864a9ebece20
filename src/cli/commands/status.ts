import type { Command } from 'commander';
import { replicationStatus, type StatusReport } from '../../realtime/index.ts';
import { statusSummary } from '../../realtime/statusSummary.ts';
import type { CommandContext } from '../context.ts';
import { type RuntimeFlags, withRuntime } from '../runCommand.ts';
import { configCommand } from './common.ts';

/**
 * `lakemirror status`: where real-time replication stands per target — watermark and its age, open events,
 * last runs, breaker, lag. Read-only; exit 0 (2 while the breaker holds a mass change).
 */
export function statusCommand(ctx: CommandContext): Command {
  return configCommand(
    'status',
    'Show the real-time watermark, pending/held/failed events, last runs, breaker and lag per target',
  ).action((flags: RuntimeFlags) =>
    withRuntime(ctx, flags, async (runtime) => {
      const report: StatusReport = await replicationStatus(runtime);
      if (flags.json) ctx.out(JSON.stringify(report));
      else for (const line of statusSummary(report)) ctx.out(line);
      return report.breaker.holding ? 2 : 0;
    }),
  );
}
