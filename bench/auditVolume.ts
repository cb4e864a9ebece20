/**
 * `node bin/run-ts.mjs bench/auditVolume.ts [--size small] [--out FILE]`: the audit log volume (stored lines and
 * bytes) of one first sync of a benchmark lake into an empty target, with latency and rate limits off (volume,
 * not speed). Prints the numbers as JSON; with `--out` writes them there too. Never run it with `--size large`
 * on a shared machine.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createBenchContext, DEFAULT_SETTINGS } from './harness.ts';
import { isLakeSize } from './lakeSizes.ts';
import { loadUseCases } from './useCases.ts';

const { values } = parseArgs({
  options: { size: { type: 'string', default: 'small' }, out: { type: 'string' } },
});
const size = values.size!;
if (!isLakeSize(size)) throw new Error(`--size takes tiny, small or large, got ${size}`);
const ctx = await createBenchContext(
  { ...DEFAULT_SETTINGS, size, latencyMs: 0, rps: 0 },
  await loadUseCases(),
);
try {
  const runtime = ctx.runtime();
  const report = await ctx.useCases.runSync(runtime, {});
  const dir = runtime.config.audit.uri;
  let lines = 0;
  let bytes = 0;
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.jsonl'))) {
    const text = readFileSync(join(dir, name), 'utf8');
    bytes += Buffer.byteLength(text);
    lines += text.split('\n').filter((l) => l.trim() !== '').length;
  }
  const counts = report.targets[0]?.counts ?? {};
  const written = Object.values(counts).reduce((n, c) => n + c.created + c.updated + c.deleted + c.failed, 0);
  const result = {
    size,
    seed: ctx.settings.seed,
    objectsWritten: written,
    auditLines: lines,
    auditBytes: bytes,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (values.out) writeFileSync(values.out, `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await ctx.stop();
}
