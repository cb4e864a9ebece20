/**
 * `npm run bench -- --size small [--scenario all|NAME[,NAME…]] [--latency-ms 30] [--rps 50] [--out FILE]`:
 * runs scenarios against a local cloud with injected latency and rate limits, prints a table and writes one
 * JSON document to bench/results/.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { lakeTotals } from './generateLake.ts';
import { type BenchContext, type BenchSettings, createBenchContext, DEFAULT_SETTINGS } from './harness.ts';
import { isLakeSize } from './lakeSizes.ts';
import { renderTable } from './report.ts';
import { failedResult, type ScenarioResult } from './result.ts';
import { SCENARIOS } from './scenarios/index.ts';
import { loadUseCases } from './useCases.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    scenario: { type: 'string', default: 'all' },
    'latency-ms': { type: 'string', default: String(DEFAULT_SETTINGS.latencyMs) },
    rps: { type: 'string', default: String(DEFAULT_SETTINGS.rps) },
    seed: { type: 'string', default: String(DEFAULT_SETTINGS.seed) },
    concurrency: { type: 'string', default: String(DEFAULT_SETTINGS.concurrency) },
    out: { type: 'string' },
  },
});
if (!isLakeSize(values.size)) throw new Error(`--size must be tiny, small or large, got ${values.size}`);
const names = values.scenario.split(',');
const selected = values.scenario === 'all' ? SCENARIOS : SCENARIOS.filter((s) => names.includes(s.name));
if (selected.length === 0) {
  throw new Error(
    `unknown scenario ${values.scenario}; one of: all, ${SCENARIOS.map((s) => s.name).join(', ')}`,
  );
}
const settings: BenchSettings = {
  ...DEFAULT_SETTINGS,
  size: values.size,
  latencyMs: Number(values['latency-ms']),
  rps: Number(values.rps),
  seed: Number(values.seed),
  concurrency: Number(values.concurrency),
};
const useCases = await loadUseCases();
const results: ScenarioResult[] = [];
let ctx: BenchContext | undefined;
let lakeSummary: Record<string, unknown> | undefined;
try {
  for (const scenario of selected) {
    const own = scenario.settings?.(settings);
    // A scenario that needs an empty target, or settings of its own, gets a fresh cloud.
    if (!ctx || own || (scenario.needsEmptyTarget && ctx.synced)) {
      await ctx?.stop();
      ctx = undefined;
      ctx = await createBenchContext({ ...settings, ...own }, useCases);
    }
    lakeSummary ??= { ...lakeTotals(ctx.lake), seed: settings.seed };
    process.stderr.write(
      `▶ ${scenario.name} (${ctx.settings.size}, ${ctx.settings.latencyMs} ms, ${ctx.settings.rps} rps)\n`,
    );
    try {
      results.push(await scenario.run(ctx, results));
    } catch (error) {
      results.push(failedResult(scenario.name, scenario.description, error));
      // State after a failure is unknown: the next scenario starts on a fresh cloud.
      await ctx.stop();
      ctx = undefined;
    }
    process.stderr.write(`${renderTable(results.slice(-1))}\n`);
  }
} finally {
  await ctx?.stop();
}

const document = {
  schemaVersion: 1,
  kind: 'lakemirror.bench',
  size: settings.size,
  generatedAt: new Date().toISOString(),
  settings,
  lake: lakeSummary,
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memory: totalmem(),
    platform: process.platform,
  },
  results,
};
const out = values.out ?? `bench/results/${settings.size}-${document.generatedAt.replace(/[:.]/g, '-')}.json`;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
console.log(renderTable(results));
console.log(`\nresults: ${out}`);
