/**
 * `node bin/run-ts.mjs bench/profileScenario.ts [--size small] [--scenario no-change-resync] [--out FILE]`:
 * runs the scenarios before the chosen one unprofiled, then the chosen one under the V8 CPU profiler, and writes
 * the profile (open it in Chrome DevTools or any .cpuprofile viewer) to see where a scenario's time goes.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseArgs } from 'node:util';
import { createBenchContext, DEFAULT_SETTINGS } from './harness.ts';
import { isLakeSize } from './lakeSizes.ts';
import { renderTable } from './report.ts';
import type { ScenarioResult } from './result.ts';
import { SCENARIOS } from './scenarios/index.ts';
import { loadUseCases } from './useCases.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    scenario: { type: 'string', default: 'no-change-resync' },
    out: { type: 'string', default: 'scenario.cpuprofile' },
  },
});
if (!isLakeSize(values.size)) throw new Error(`--size must be tiny, small or large, got ${values.size}`);
const index = SCENARIOS.findIndex((s) => s.name === values.scenario);
const chosen = SCENARIOS[index];
if (!chosen) throw new Error(`unknown scenario ${values.scenario}`);
if (chosen.settings || chosen.needsEmptyTarget) throw new Error(`${chosen.name} needs a cloud of its own`);

const ctx = await createBenchContext({ ...DEFAULT_SETTINGS, size: values.size }, await loadUseCases());
try {
  // The on-demand scenarios build on the state the earlier ones leave (a synced target).
  const before: ScenarioResult[] = [];
  for (const scenario of SCENARIOS.slice(0, index))
    if (!scenario.settings) before.push(await scenario.run(ctx, before));
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const result = await chosen.run(ctx, before);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(values.out, JSON.stringify(profile));
  process.stderr.write(`${renderTable([result])}\nprofile: ${values.out}\n`);
} finally {
  await ctx.stop();
}
