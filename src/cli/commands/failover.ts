import { basename, dirname, extname, join } from 'node:path';
import { type Command, Option } from 'commander';
import type { FailoverReport } from '../../failover/failoverReport.ts';
import { runFailover } from '../../failover/runFailover.ts';
import type { CommandContext } from '../context.ts';
import { type RuntimeFlags, withRuntime } from '../runCommand.ts';
import { configCommand } from './common.ts';

interface FailoverFlags extends RuntimeFlags {
  to: string;
  mode: 'soft' | 'hard';
  dryRun?: boolean;
  force?: boolean;
  reversedConfig?: string;
}

/** `lakemirror.yaml` → `lakemirror.reversed-us-west-2.json`, beside it. */
const defaultReversedPath = (config: string, to: string) =>
  join(dirname(config), `${basename(config, extname(config))}.reversed-${to}.json`);

/**
 * `lakemirror failover --to REGION`: promotes a target (see src/failover/runFailover.ts). Exit 0 promoted,
 * 2 dry run (nothing done), 1 error or refusal (a rerun finishes a failover that stopped halfway).
 */
export function failoverCommand(ctx: CommandContext): Command {
  return configCommand(
    'failover',
    'promote a target Region: stop replication into it, rewrite links, write the failback config',
  )
    .requiredOption('--to <region>', 'the target Region to promote')
    .addOption(
      new Option('--mode <mode>', 'soft: drain and verify first (RPO 0); hard: the source does not answer')
        .choices(['soft', 'hard'])
        .default('soft'),
    )
    .option('--dry-run', 'print every step; do nothing')
    .option('--force', 'soft: promote even when the final verify finds differences')
    .option('--reversed-config <file>', 'where to write the failback config (default: beside --config)')
    .action(async (flags: FailoverFlags) => {
      await withRuntime(ctx, flags, async (runtime) => {
        const report = await runFailover(runtime, {
          to: flags.to,
          mode: flags.mode,
          dryRun: flags.dryRun === true,
          force: flags.force === true,
          reversedConfigPath: flags.reversedConfig ?? defaultReversedPath(flags.config, flags.to),
        });
        ctx.out(flags.json ? JSON.stringify(report, null, 2) : renderFailover(report));
        return report.dryRun ? 2 : 0;
      });
    });
}

export function renderFailover(report: FailoverReport): string {
  const lines = [
    `${report.dryRun ? 'Failover plan' : 'Failover'} (${report.mode}) ${report.from} → ${report.to}, run ${report.runId}`,
    ...report.steps.map((s) => `  ${s.status.padEnd(11)} ${s.name}: ${s.detail}`),
  ];
  if (!report.dryRun) {
    lines.push(
      report.rpo.zero
        ? 'RPO: 0 (drained and verified)'
        : `RPO: ${report.rpo.boundMs === undefined ? 'unknown' : `at most ${Math.ceil(report.rpo.boundMs / 1000)} s`} (${report.rpo.basis})`,
    );
    for (const link of report.links.unrewritable)
      lines.push(`  not rewritten: ${link.object}: ${link.reason}`);
  }
  lines.push(`next: ${report.next}`);
  return lines.join('\n');
}
