import { Command } from 'commander';

/** The flags every command that reads a config shares (`configCommand` defines them; tests list them). */
export interface CommonFlags {
  config: string;
  profile?: string;
  region?: string;
  endpoint?: string;
  /** Only these target Regions. */
  target?: string[];
  /** Only these databases. */
  database?: string[];
  json?: boolean;
  quiet?: boolean;
}

/** The long names of the common flags, in the order `--help` shows them. */
export const COMMON_FLAGS = [
  '--config',
  '--profile',
  '--region',
  '--endpoint',
  '--target',
  '--database',
  '--json',
  '--quiet',
] as const;

/**
 * A command that reads a config, with the common flags already defined: one call, so every such command
 * (including new ones) accepts the same flags with the same meaning. Run its body with `withRuntime`, which
 * validates and applies them.
 */
export function configCommand(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .requiredOption('-c, --config <file>', 'lakemirror config (JSON or YAML)')
    .option('--profile <name>', 'AWS profile from ~/.aws (default: the standard credential chain)')
    .option('--region <region>', 'source Region (overrides the config)')
    .option('--endpoint <url>', 'send every AWS call to this endpoint (e.g. the local cloud)')
    .option('--target <region...>', 'only these target Regions')
    .option('--database <name...>', 'only these databases (names or globs)')
    .option('--json', 'print the result as JSON on stdout')
    .option('-q, --quiet', 'no progress; warnings and errors only');
}

/** The former name of `configCommand`: commands written against it get the common flags too. */
export const awsCommand = configCommand;
