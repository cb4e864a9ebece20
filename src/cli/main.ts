import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.ts';
import { auditCommand } from './commands/audit.ts';
import { drillCommand as drill } from './commands/drill.ts';
import { failbackCommand } from './commands/failback.ts';
import { failoverCommand } from './commands/failover.ts';
import { realtime } from './commands/realtime.ts';
import { restoreCommand } from './commands/restore.ts';
import { snapshotCommand } from './commands/snapshot.ts';
import { statusCommand } from './commands/status.ts';
import { planCommand, syncCommand } from './commands/sync.ts';
import { unlockCommand } from './commands/unlock.ts';
import { verifyCommand } from './commands/verify.ts';
import { type CommandContext, consoleContext } from './context.ts';
import { reportError } from './runCommand.ts';

type CommandFactory = (ctx: CommandContext) => Command;

/** The commands of `lakemirror`, one file each under `commands/`. */
const COMMANDS: CommandFactory[] = [
  snapshotCommand,
  planCommand,
  syncCommand,
  verifyCommand,
  realtime,
  statusCommand,
  restoreCommand,
  auditCommand,
  unlockCommand,
  drill,
  failoverCommand,
  failbackCommand,
];

/**
 * The commands that run the local cloud, loaded only when named: every other command (and a user who runs
 * lakemirror against AWS) never loads the emulator.
 */
const LOCAL_COMMANDS: Record<string, { description: string; load: () => Promise<CommandFactory> }> = {
  demo: {
    description: 'replicate a seeded demo lake between two local Regions and print the report',
    load: async () => (await import('./commands/demo.ts')).demoCommand,
  },
  localcloud: {
    description: 'run the local cloud, an emulator of the AWS APIs lakemirror uses (see `localcloud --help`)',
    load: async () => (await import('./commands/localcloud.ts')).loadLocalCloudCommand(),
  },
};

/** `buildProgram(ctx, ALL_COMMANDS)` loads the local commands too (tests list every command's options). */
export const ALL_COMMANDS = '*';

/** The named local command itself, or a placeholder that lists it in `lakemirror --help`. */
async function localCommand(name: string, named: string | undefined, ctx: CommandContext): Promise<Command> {
  const entry = LOCAL_COMMANDS[name]!;
  if (named === name || named === ALL_COMMANDS) return (await entry.load())(ctx);
  return new Command(name).description(entry.description);
}

/** The `lakemirror` program; of the local commands only `named` is loaded (the others are listed). */
export async function buildProgram(ctx: CommandContext, named?: string): Promise<Command> {
  const program = new Command('lakemirror')
    .description('Replicates the AWS Glue Data Catalog and Lake Formation permissions across Regions')
    .version(VERSION);
  for (const make of COMMANDS) program.addCommand(make(ctx));
  for (const name of Object.keys(LOCAL_COMMANDS)) program.addCommand(await localCommand(name, named, ctx));
  return program;
}

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
  const words = argv.slice(2).filter((arg) => !arg.startsWith('-'));
  const program = await buildProgram(ctx, words[0] === 'help' ? words[1] : words[0]);
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
    // Whatever escaped a command is rendered like every command's own errors, not as Node's stack dump.
    return reportError(ctx, error);
  }
}
