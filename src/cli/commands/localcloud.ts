import type { Command } from 'commander';
import { localCloudCommand } from '../../localcloud/cli.ts';
import type { CommandContext } from '../context.ts';

/** `lakemirror localcloud` (and `localcloud seed`): defined beside the emulator, mounted here. */
export function localCloud(ctx: CommandContext): Command {
  return localCloudCommand(ctx);
}
