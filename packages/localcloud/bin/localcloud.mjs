#!/usr/bin/env node
// Runs the local cloud on its own, as `lakemirror localcloud` does (dist/ is written by the root's build).
import { existsSync } from 'node:fs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const entry = new URL('../dist/index.js', import.meta.url);
if (!existsSync(entry)) {
  console.error(
    'lakemirror-localcloud: dist/index.js is missing; run `npm run build` at the repository root',
  );
  process.exit(1);
}
const { runLocalCloudCommand } = await import(entry.href);
process.exitCode = await runLocalCloudCommand(process.argv.slice(2));
