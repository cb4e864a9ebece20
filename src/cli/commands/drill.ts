import type { Command } from 'commander';
import { drillExitCode, renderDrillSummary, runDrill } from '../../drill/index.ts';
import { createRuntime } from '../../engine/createRuntime.ts';
import { writeReport } from '../../report/writeReport.ts';
import type { CommandContext } from '../context.ts';
import { assertReportOut } from '../flags/outPath.ts';
import { type RuntimeFlags, withRuntime } from '../runCommand.ts';
import { configCommand } from './common.ts';

interface DrillFlags extends RuntimeFlags {
  out?: string;
  scratchRegion?: string;
  keepScratch?: boolean;
  failover?: boolean;
  ignoreTargetOnly?: boolean;
}

/** `lakemirror drill`: a DR drill (verify, RPO, RTO by a scratch restore, usability); exit 0 pass, 2 fail. */
export function drillCommand(ctx: CommandContext): Command {
  return configCommand('drill', 'rehearse a failover: drift, RPO, RTO (scratch restore) and usability checks')
    .option('--out <file>', 'write the report: .html for the page, .json for the document')
    .option(
      '--scratch-region <region>',
      'empty Region to restore the latest snapshot into (required on AWS; on the local cloud an unused one)',
    )
    .option('--keep-scratch', 'leave the restored objects in the scratch Region')
    .option('--failover', 'also rehearse a soft failover into the scratch Region and time each step')
    .option('--ignore-target-only', 'accept objects only a target holds (listed as accepted)')
    .action(async (flags: DrillFlags) => {
      await withRuntime(
        ctx,
        flags,
        async (runtime) => {
          const report = await runDrill(runtime, {
            ...(flags.scratchRegion ? { scratchRegion: flags.scratchRegion } : {}),
            ...(flags.keepScratch ? { keepScratch: true } : {}),
            ...(flags.failover ? { failover: true } : {}),
            ...(flags.ignoreTargetOnly ? { ignoreTargetOnly: true } : {}),
            runtimeFor: (config) =>
              createRuntime(config, {
                ...(flags.profile ? { profile: flags.profile } : {}),
                ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
                output: runtime.output,
              }),
          });
          if (flags.out) {
            await writeReport(flags.out, report);
            ctx.err(`report written to ${flags.out}`);
          }
          ctx.out(flags.json ? JSON.stringify(report, null, 2) : renderDrillSummary(report));
          return drillExitCode(report.verdict);
        },
        () => assertReportOut(flags.out),
      );
    });
}
