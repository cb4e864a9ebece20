#!/usr/bin/env node
// Runs the compiled CLI (dist/, written by `npm run build`, which `npm ci` runs through `prepare`).
import { existsSync } from 'node:fs';

// The lockfile pins SDK versions that support Node 20; their notice about future versions is not actionable here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('lakemirror: dist/cli.js is missing; build it with `npm run build` (npm ci does it too)');
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv);
