import type { LakemirrorConfig } from '../config/configSchema.ts';
import { validateConfig } from '../config/loadConfig.ts';
import { getJson } from './s3Objects.ts';

let cached: { uri: string; config: Promise<LakemirrorConfig> } | undefined;

/**
 * The deployed config (`CONFIG_URI`, written by the shared stack), validated like the CLI's and cached
 * per container; a failed load is not cached, so the next invocation tries again.
 */
export function loadDeployedConfig(uri = process.env.CONFIG_URI): Promise<LakemirrorConfig> {
  if (!uri) return Promise.reject(new Error('CONFIG_URI is not set; deploy with the lakemirror CDK app'));
  if (cached?.uri !== uri) {
    const config = getJson<unknown>(uri).then((value) => {
      if (value === undefined) throw new Error(`deployed config ${uri} does not exist`);
      return validateConfig(value, uri);
    });
    config.catch(() => {
      if (cached?.config === config) cached = undefined;
    });
    cached = { uri, config };
  }
  return cached.config;
}
