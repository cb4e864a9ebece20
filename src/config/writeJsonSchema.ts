import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { configSchema } from './configSchema.ts';

/** Committed JSON Schema location; editors use it through the config's `$schema` key. */
export const CONFIG_JSON_SCHEMA_PATH = fileURLToPath(
  new URL('../../config/lakemirror.schema.json', import.meta.url),
);

/**
 * The JSON Schema of what users write (the zod *input* side, so defaulted keys are optional).
 * Generated, never hand-edited, so it cannot drift from the validator; a unit test enforces that.
 */
export function renderConfigJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://github.com/lakemirror/lakemirror/config/lakemirror.schema.json',
    title: 'lakemirror configuration',
  };
}

/** Writes the schema file; run with `node bin/run-ts.mjs src/config/writeJsonSchema.ts`. */
export async function writeConfigJsonSchema(path = CONFIG_JSON_SCHEMA_PATH): Promise<void> {
  await writeFile(path, `${JSON.stringify(renderConfigJsonSchema(), null, 2)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  await writeConfigJsonSchema();
  console.error(`wrote ${CONFIG_JSON_SCHEMA_PATH}`);
}
