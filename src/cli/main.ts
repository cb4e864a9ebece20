import { Command, CommanderError } from 'commander';
import { auditCommand } from './commands/audit.ts';
import { demoCommand } from './commands/demo.ts';
import { drillCommand as drill } from './commands/drill.ts';
import { localCloud } from './commands/localcloud.ts';
import { realtime } from './commands/realtime.ts';
import { restoreCommand } from './commands/restore.ts';
import { snapshotCommand } from './commands/snapshot.ts';
import { planCommand, syncCommand } from './commands/sync.ts';
import { unlockCommand } from './commands/unlock.ts';
import { verifyCommand } from './commands/verify.ts';
import { type CommandContext, consoleContext } from './context.ts';

/** The commands of `lakemirror`, one file each under `commands/`. */
const COMMANDS = [
  snapshotCommand,
  planCommand,
  syncCommand,
  verifyCommand,
  realtime,
  restoreCommand,
  auditCommand,
  unlockCommand,
  drill,
  demoCommand,
  localCloud,
];

/**
 * Runs the CLI on `argv` as Node gives it (`[node, script, ...args]`) and answers the exit code.
 * `host` replaces the terminal (tests record the output and stop long-running commands).
 */
export async function main(argv: string[], host?: Omit<CommandContext, 'setExitCode'>): Promise<number> {
  let code = 0;
  const setExitCode = (c: number) => {
    code = c;
  };
  const ctx: CommandContext = host ? { ...host, setExitCode } : consoleContext(setExitCode);
  const program = new Command('lakemirror')
    .description('Replicates the AWS Glue Data Catalog and Lake Formation permissions across Regions')
    .version('0.1.0');
  for (const make of COMMANDS) program.addCommand(make(ctx));
  const output = {
    writeOut: (s: string) => ctx.out(s.trimEnd()),
    writeErr: (s: string) => ctx.err(s.trimEnd()),
  };
  const configure = (command: Command): void => {
    command.exitOverride().configureOutput(output);
    command.commands.forEach(configure);
  };
  configure(program);
  try {
    await program.parseAsync(argv);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
}
