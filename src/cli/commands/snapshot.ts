import { basename, dirname } from 'node:path';
import type { Command } from 'commander';
import { runSnapshot } from '../../ondemand/runSnapshot.ts';
import type { CommandContext } from '../context.ts';
import { type RuntimeFlags, withRuntime } from '../runCommand.ts';
import { configCommand } from './common.ts';

/** `lakemirror snapshot`: the source Region to a versioned JSON document (file or S3). */
export function snapshotCommand(ctx: CommandContext): Command {
  return configCommand('snapshot', 'snapshot the source catalog and permissions to a file or S3')
    .option('--out <file.json|dir|s3://bucket/prefix/>', 'where to write (default: the config snapshots.uri)')
    .option('--strict', 'a filter that matches nothing is an error (exit 1), not a warning')
    .action(async (flags: RuntimeFlags & { out?: string }) => {
      // `--out FILE.json` names the file; any other `--out` is a directory or an S3 prefix.
      const file =
        flags.out && /\.json$/i.test(flags.out) && !flags.out.startsWith('s3://') ? flags.out : undefined;
      const store = file ? dirname(file) : flags.out;
      await withRuntime(ctx, { ...flags, ...(store ? { snapshots: store } : {}) }, async (runtime) => {
        const { taken: _taken, ...result } = await runSnapshot(runtime, {
          ...(flags.database ? { databases: flags.database } : {}),
          ...(file ? { name: basename(file) } : {}),
        });
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
      });
    });
}
