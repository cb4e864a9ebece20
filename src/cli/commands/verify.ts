import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { runVerify } from '../../ondemand/runVerify.ts';
import type { CommandContext } from '../context.ts';
import { renderVerifyResult } from '../render/driftText.ts';
import { type RuntimeFlags, withRuntime } from '../runCommand.ts';
import { awsCommand } from './common.ts';

/** `lakemirror verify`: compare source and targets; exit 0 in sync, 2 on drift (for DR drills and CI). */
export function verifyCommand(ctx: CommandContext): Command {
  return awsCommand('verify', 'compare the source with every target; exit 2 on drift')
    .option('--target <region...>', 'only these target Regions')
    .option('--json', 'print the drift reports as JSON')
    .option('--out <file>', 'also write the report (.json, or .html for the page)')
    .action(async (flags: RuntimeFlags & { json?: boolean; out?: string; target?: string[] }) => {
      await withRuntime(ctx, flags, async (runtime) => {
        const result = await runVerify(runtime, flags.target ? { targets: flags.target } : {});
        const document = { schemaVersion: 1, kind: 'lakemirror.verify', ...result };
        if (flags.out) {
          await writeVerifyOut(flags.out, result, document);
          ctx.err(`report written to ${flags.out}`);
        }
        ctx.out(flags.json ? JSON.stringify(document, null, 2) : renderVerifyResult(result));
        return result.inSync ? 0 : 2;
      });
    });
}

async function writeVerifyOut(path: string, result: Awaited<ReturnType<typeof runVerify>>, document: object) {
  if (/\.html?$/i.test(path)) {
    const { renderDriftHtml } = await import('../../report/html/renderDriftPage.ts');
    writeFileSync(path, result.reports.map((r) => renderDriftHtml(r)).join('\n'), { mode: 0o600 });
    return;
  }
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`, { mode: 0o600 });
}
