import type { LakemirrorConfig } from '../config/configSchema.ts';
import { validateConfig } from '../config/loadConfig.ts';
import { LakemirrorError } from '../model/errors.ts';
import { getJson } from './s3Objects.ts';

let cached: { uri: string; config: Promise<LakemirrorConfig> } | undefined;

/**
 * The deployed config (`CONFIG_URI`, written by the shared stack), validated like the CLI's and cached
 * per container; a failed load is not cached, so the next invocation tries again.
 */
export function loadDeployedConfig(uri = process.env.CONFIG_URI): Promise<LakemirrorConfig> {
  if (!uri)
    return Promise.reject(
      new LakemirrorError({
        code: 'handler.configMissing',
        source: 'user',
        object: 'environment variable CONFIG_URI',
        message: 'CONFIG_URI is not set',
        fix: 'deploy the function with the lakemirror CDK app, which sets CONFIG_URI to the deployed config',
      }),
    );
  if (cached?.uri !== uri) {
    const config = getJson<unknown>(uri).then((value) => {
      if (value === undefined)
        throw new LakemirrorError({
          code: 'handler.configMissing',
          source: 'user',
          object: `deployed config ${uri}`,
          message: `deployed config ${uri} does not exist`,
          fix: 'deploy the shared stack again (it writes the config), or set CONFIG_URI to where it is',
        });
      return validateConfig(value, uri);
    });
    config.catch(() => {
      if (cached?.config === config) cached = undefined;
    });
    cached = { uri, config };
  }
  return cached.config;
}
