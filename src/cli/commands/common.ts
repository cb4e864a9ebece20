import { Command } from 'commander';

/** Adds the options every command that talks to AWS shares. */
export function awsCommand(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .requiredOption('-c, --config <file>', 'lakemirror config (JSON or YAML)')
    .option('--profile <name>', 'AWS profile from ~/.aws (default: the standard credential chain)')
    .option('--region <region>', 'source Region (overrides the config)')
    .option('--endpoint <url>', 'send every AWS call to this endpoint (e.g. the local cloud)');
}
