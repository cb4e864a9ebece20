#!/usr/bin/env node
// `npm run build`: bundles the CLI and the library entry into dist/ (ESM, Node 20), dependencies left
// external, the local cloud package (packages/localcloud) among them: it is compiled on its own into
// packages/localcloud/dist, and the CLI loads it only with a dynamic import in `demo`, `localcloud` and the
// embedded start. Then writes the library's type declarations.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
// `--bundle-only`: the CLI without type declarations, for `npm run demo` and friends (a second, not five).
const bundleOnly = args.includes('--bundle-only');
const outdir = resolve(root, args.find((a) => !a.startsWith('--')) ?? 'dist');
// A bundle-only build keeps the declarations of the last full build; stale chunks go either way.
rmSync(bundleOnly ? resolve(outdir, 'chunks') : outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  chunkNames: 'chunks/[name]-[hash]',
  // The emulator is its own package, loaded by `demo`, `localcloud` and the embedded start with a dynamic
  // import; it must never be bundled into the CLI (packages: 'external' already leaves it out; say it).
  external: ['@lakemirror/localcloud'],
  logLevel: 'warning',
});
// The local cloud package, compiled beside its source for the CLI's dynamic import and the package's bin.
const localCloud = resolve(root, 'packages/localcloud');
rmSync(resolve(localCloud, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: localCloud,
  entryPoints: { index: 'src/index.ts' },
  outdir: resolve(localCloud, 'dist'),
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
if (bundleOnly) process.exit(0);
const tsc = spawnSync(
  process.execPath,
  [
    resolve(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    'tsconfig.build.json',
    '--outDir',
    resolve(outdir, 'types'),
  ],
  { cwd: root, stdio: 'inherit' },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
