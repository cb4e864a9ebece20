import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { openRunAuditLog } from '../../engine/targetGuards.ts';
import { describeHolder } from '../../lease/leaseHolder.ts';
import { breakLease } from '../../lease/targetLease.ts';
import { LakemirrorError } from '../../model/errors.ts';
import type { CommandContext } from '../context.ts';
import { type RuntimeFlags, withRuntime } from '../runCommand.ts';
import { awsCommand } from './common.ts';

/**
 * `lakemirror unlock --target R`: breaks the lease of a target whose holder died (a killed run's lease also
 * expires by itself). Audited: the record names the holder that was removed. Exit 0, 1 on error.
 */
export function unlockCommand(ctx: CommandContext): Command {
  return awsCommand(
    'unlock',
    "break a target's writer lease left by a dead run (audited); --target names it",
  ).action(async (flags: RuntimeFlags) => {
    await withRuntime(ctx, flags, async (runtime) => {
      const region = flags.target?.length === 1 ? flags.target[0]! : undefined;
      if (!region)
        throw new LakemirrorError({
          code: 'flags.target',
          source: 'user',
          message: 'unlock breaks the lease of one target: name it with --target REGION',
          fix: `use one of: ${runtime.config.targets.map((t) => t.region).join(', ')}`,
        });
      if (!runtime.config.targets.some((t) => t.region === region)) {
        throw new LakemirrorError({
          code: 'config.unknownTarget',
          source: 'user',
          message: `${region} is not a target in the config`,
          fix: `use one of: ${runtime.config.targets.map((t) => t.region).join(', ')}`,
        });
      }
      const removed = await breakLease(runtime.leases, region);
      if (!removed) {
        ctx.out(`${region} has no lease: nothing to unlock`);
        return 0;
      }
      const runId = randomUUID();
      const time = runtime.now().toISOString();
      const audit = openRunAuditLog(runtime, { runId, startedAt: time });
      await audit.append([
        {
          schemaVersion: 1,
          time,
          runId,
          principal: `${removed.host}:unlock`,
          region,
          accountId: 'n/a',
          operation: 'Unlock',
          kind: 'lease',
          op: 'delete',
          object: `lease:${region}`,
          beforeHash: null,
          afterHash: null,
          result: 'ok',
          detail: `broke the lease of ${describeHolder(removed)}`,
        },
      ]);
      await audit.close();
      ctx.out(`unlocked ${region}: removed the lease of ${describeHolder(removed)}`);
      return 0;
    });
  });
}
