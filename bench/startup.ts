/**
 * `node bin/run-ts.mjs bench/startup.ts [--runs 10] [--label NAME=PATH/TO/bin/lakemirror.mjs ...]`:
 * start-up time and peak memory of `lakemirror --version` and `lakemirror verify --help`, the median of
 * `--runs` cold processes each, for this checkout's CLI and any other labelled build (an older commit's
 * checkout, to compare). Writes bench/results/startup-<time>.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    label: { type: 'string', multiple: true, default: [] },
  },
});
const runs = Number(values.runs);
const bins: Record<string, string> = { current: join(root, 'bin/lakemirror.mjs') };
for (const pair of values.label) {
  const [name, path] = pair.split('=');
  if (!name || !path) throw new Error(`--label takes NAME=PATH, got ${pair}`);
  bins[name] = resolve(path);
}
// Prints the process's peak resident memory when it exits, whatever the CLI does.
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))`;
const COMMANDS = { version: ['--version'], verifyHelp: ['verify', '--help'] };

function once(bin: string, args: string[]): { seconds: number; maxRssMiB: number } {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', REPORT_RSS, bin, ...args], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0)
    throw new Error(`${bin} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  const kib = Number(/maxrss=(\d+)/.exec(result.stderr)?.[1] ?? Number.NaN);
  return { seconds, maxRssMiB: Math.round((kib / 1024) * 10) / 10 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: Record<string, Record<string, { medianSeconds: number; medianMaxRssMiB: number }>> = {};
for (const [label, bin] of Object.entries(bins)) {
  results[label] = {};
  for (const [name, args] of Object.entries(COMMANDS)) {
    const samples = Array.from({ length: runs }, () => once(bin, args));
    results[label][name] = {
      medianSeconds: Math.round(median(samples.map((s) => s.seconds)) * 1000) / 1000,
      medianMaxRssMiB: median(samples.map((s) => s.maxRssMiB)),
    };
    process.stderr.write(`${label} ${name}: ${JSON.stringify(results[label][name])}\n`);
  }
}
const doc = {
  kind: 'lakemirror.bench.startup',
  at: new Date().toISOString(),
  node: process.version,
  runs,
  loadAverage: loadavg(),
  bins,
  results,
};
const out = join(root, 'bench/results', `startup-${doc.at.replace(/[:.]/g, '-')}.json`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
process.stdout.write(`${out}\n`);
