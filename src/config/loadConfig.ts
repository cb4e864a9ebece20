import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { allowedKeysAt } from './allowedKeys.ts';
import { ConfigError } from './configError.ts';
import { configSchema, type LakemirrorConfig } from './configSchema.ts';
import { formatConfigIssues } from './formatConfigIssues.ts';
import { parseConfigText } from './parseConfigText.ts';

/**
 * Reads, parses and validates a lakemirror config file (JSON or YAML) and returns it with every
 * default applied. Every failure is a `ConfigError` the CLI can print as-is.
 */
export async function loadConfig(path: string): Promise<LakemirrorConfig> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw configReadError(path, error);
  }
  return validateConfig(parseConfigText(text, path), path);
}

/** The same, synchronously: a CDK app builds its stacks in one pass. */
export function loadConfigSync(path: string): LakemirrorConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw configReadError(path, error);
  }
  return validateConfig(parseConfigText(text, path), path);
}

function configReadError(path: string, error: unknown): ConfigError {
  const code = (error as NodeJS.ErrnoException).code;
  return new ConfigError({
    code: code === 'ENOENT' ? 'config.notFound' : 'config.unreadable',
    message:
      code === 'ENOENT'
        ? `config file '${path}' does not exist`
        : `config file '${path}' cannot be read: ${(error as Error).message}`,
    fix:
      code === 'ENOENT'
        ? 'create it (start from config/example.yaml) or pass the right path with --config'
        : 'check the path and its permissions',
    cause: error,
  });
}

/** Validates an already-parsed config value; `fileName` only labels the error message. */
export function validateConfig(value: unknown, fileName = 'config'): LakemirrorConfig {
  const result = configSchema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const problems = formatConfigIssues(result.error.issues, (path) => allowedKeysAt(configSchema, path));
  throw new ConfigError({
    code: 'config.invalid',
    message: `${fileName} is not a valid lakemirror config (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    fix: 'correct the keys listed above; the JSON Schema is config/lakemirror.schema.json',
    problems,
  });
}
