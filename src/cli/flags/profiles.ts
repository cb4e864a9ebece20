import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { LakemirrorError } from '../../model/errors.ts';

/** The profile names of the shared config and credentials files (`[profile x]`, `[x]`), as the SDK reads them. */
export function knownProfiles(env: NodeJS.ProcessEnv = process.env): Set<string> {
  const home = env.HOME ?? homedir();
  const files = [
    env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config'),
    env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials'),
  ];
  const names = new Set<string>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const match of text.matchAll(/^\s*\[\s*(?:profile\s+)?([^\]\s]+)\s*\]/gm)) names.add(match[1]!);
  }
  return names;
}

/**
 * A named profile must exist, even against the local cloud (where missing credentials otherwise fall back
 * to its dummy keys): a mistyped `--profile` would silently run as someone else.
 */
export function assertProfileExists(profile: string | undefined, env: NodeJS.ProcessEnv = process.env): void {
  if (profile === undefined) return;
  const known = knownProfiles(env);
  if (known.has(profile)) return;
  throw new LakemirrorError({
    code: 'flags.profile',
    source: 'user',
    object: `--profile ${profile}`,
    message: `AWS profile '${profile}' does not exist in ${env.AWS_CONFIG_FILE ?? '~/.aws/config'} or ${env.AWS_SHARED_CREDENTIALS_FILE ?? '~/.aws/credentials'}`,
    fix:
      known.size > 0
        ? `use one of: ${[...known].sort().join(', ')}`
        : 'create it with `aws configure --profile NAME`, or leave --profile out to use the default credential chain',
  });
}
