import type { Command } from 'commander';
import { runVerify } from '../../ondemand/runVerify.ts';
import type { CommandContext } from '../context.ts';
import { assertReportOut } from '../flags/outPath.ts';
import { renderVerifyResult } from '../render/driftText.ts';
import { type RuntimeFlags, withRuntime } from '../runCommand.ts';
import { configCommand } from './common.ts';
import { verifyDocument, writeVerifyReport } from './verifyReportOut.ts';

type VerifyFlags = RuntimeFlags & {
  json?: boolean;
  out?: string;
  target?: string[];
  ignoreTargetOnly?: boolean;
};

/**
 * `lakemirror verify`: compare source and targets; exit 0 in sync, 2 when an object is missing in a target,
 * different, or only in a target (unless accepted with --ignore-target-only), for DR drills and CI.
 */
export function verifyCommand(ctx: CommandContext): Command {
  return configCommand(
    'verify',
    'compare the source with every target; exit 2 when an object is missing, different or only in a target',
  )
    .option('--out <file>', 'also write the report (.json, or .html for the page)')
    .option('--strict', 'a filter that matches nothing is an error (exit 1), not a warning')
    .option(
      '--ignore-target-only',
      'accept objects only the target holds (listed as accepted; config verify.ignoreTargetOnly)',
    )
    .action(async (flags: VerifyFlags) => {
      await withRuntime(
        ctx,
        flags,
        async (runtime) => {
          const result = await runVerify(runtime, flags.ignoreTargetOnly ? { ignoreTargetOnly: true } : {});
          const document = verifyDocument(result);
          if (flags.out) {
            await writeVerifyReport(flags.out, result);
            ctx.err(`report written to ${flags.out}`);
          }
          ctx.out(flags.json ? JSON.stringify(document, null, 2) : renderVerifyResult(result));
          return result.inSync ? 0 : 2;
        },
        () => assertReportOut(flags.out),
      );
    });
}
