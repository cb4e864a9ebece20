/**
 * `node bin/run-ts.mjs bench/lambdaBundles.ts [--root PATH] [--label NAME]`: the size of each Lambda handler's
 * bundle (every `src/handlers/*.ts` that exports `handler`), bundled as `infra/constructs/lakemirrorFunction.ts`
 * bundles it (esbuild, minified, CJS, node22, nothing external), with the bytes each package adds. `--root`
 * measures another checkout (an older commit, to compare). Writes bench/results/lambda-bundles-<label>.json.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build, type Metafile } from 'esbuild';

const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { root: { type: 'string', default: here }, label: { type: 'string', default: 'current' } },
});
const root = resolve(values.root);

/** Bytes of the bundle's output per package (`@aws-sdk/client-s3`, `lakemirror` for our own sources). */
function bytesByPackage(meta: Metafile): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const name = match?.[1] ?? 'lakemirror';
      sums[name] = (sums[name] ?? 0) + bytesInOutput;
    }
  }
  return Object.fromEntries(Object.entries(sums).sort(([, a], [, b]) => b - a));
}

const handlersDir = join(root, 'src/handlers');
const entries = readdirSync(handlersDir)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => /export (const|async function) handler\b/.test(readFileSync(join(handlersDir, f), 'utf8')))
  .sort();
const bundles: Record<
  string,
  { bytes: number; awsSdkClients: string[]; topPackages: Record<string, number> }
> = {};
for (const file of entries) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(handlersDir, file)],
    bundle: true,
    write: false,
    minify: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    metafile: true,
    logLevel: 'error',
    outfile: 'index.js',
  });
  const js = result.outputFiles.find((o) => o.path.endsWith('.js'));
  const packages = bytesByPackage(result.metafile);
  bundles[file.replace(/\.ts$/, '')] = {
    bytes: js?.contents.byteLength ?? 0,
    awsSdkClients: Object.keys(packages)
      .filter((p) => p.startsWith('@aws-sdk/client-'))
      .sort(),
    topPackages: Object.fromEntries(Object.entries(packages).slice(0, 8)),
  };
  process.stderr.write(`${file}: ${bundles[file.replace(/\.ts$/, '')]?.bytes} bytes\n`);
}
const doc = {
  kind: 'lakemirror.bench.lambdaBundles',
  at: new Date().toISOString(),
  label: values.label,
  root,
  bundling: 'esbuild, minify, cjs, node22, no externals (as infra/constructs/lakemirrorFunction.ts)',
  bundles,
};
const out = join(here, 'bench/results', `lambda-bundles-${values.label}.json`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
process.stdout.write(`${out}\n`);
