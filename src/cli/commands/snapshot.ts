import type { Command } from 'commander';
import { runSnapshot } from '../../ondemand/runSnapshot.ts';
import type { CommandContext } from '../context.ts';
import { type RuntimeFlags, withRuntime } from '../runCommand.ts';
import { awsCommand } from './common.ts';

/** `lakemirror snapshot`: the source Region to a versioned JSON document (file or S3). */
export function snapshotCommand(ctx: CommandContext): Command {
  return awsCommand('snapshot', 'snapshot the source catalog and permissions to a file or S3')
    .option('--out <dir|s3://bucket/prefix/>', 'where to write (default: the config snapshots.uri)')
    .option('--database <name...>', 'only these databases')
    .option('--json', 'print the result as JSON')
    .action(async (flags: RuntimeFlags & { out?: string; database?: string[]; json?: boolean }) => {
      await withRuntime(
        ctx,
        { ...flags, ...(flags.out ? { snapshots: flags.out } : {}) },
        async (runtime) => {
          const { taken: _taken, ...result } = await runSnapshot(
            runtime,
            flags.database ? { databases: flags.database } : {},
          );
          if (flags.json)
            ctx.out(
              JSON.stringify({ schemaVersion: 1, kind: 'lakemirror.snapshotResult', ...result }, null, 2),
            );
          else {
            const kinds = Object.entries(result.countsByKind)
              .map(([k, n]) => `${n} ${k}`)
              .join(', ');
            ctx.out(
              `Snapshot ${result.uri}: ${result.recordCount} records (${kinds}) in ${(result.durationMs / 1000).toFixed(1)}s, ${result.apiCalls} API calls`,
            );
          }
          return 0;
        },
      );
    });
}
