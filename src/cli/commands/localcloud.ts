import { Command } from 'commander';
import type { CommandContext } from '../context.ts';
import { loadLocalCloud } from '../loadLocalCloud.ts';
import { reportError } from '../runCommand.ts';

type CommandFactory = (ctx: CommandContext) => Command;

/**
 * `lakemirror localcloud` (and `localcloud seed`): defined by the local cloud package, mounted here. When the
 * package is not installed, the command is still listed and says how to get it.
 */
export async function loadLocalCloudCommand(): Promise<CommandFactory> {
  try {
    const { localCloudCommand } = await loadLocalCloud();
    return (ctx) => localCloudCommand(ctx);
  } catch (error) {
    return (ctx) =>
      new Command('localcloud')
        .description('run the local cloud (not installed: see the error)')
        .allowUnknownOption()
        .allowExcessArguments()
        .action(() => ctx.setExitCode(reportError(ctx, error)));
  }
}
