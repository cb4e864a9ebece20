import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Benchmark result files the README names, and the numbers it quotes from a few of them. */
describe('README quotes only committed benchmark results', () => {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const named = [...new Set(readme.match(/bench\/results\/[\w.-]+\.json/g) ?? [])];
  const tracked = new Set(
    execFileSync('git', ['ls-files', 'bench/results'], { cwd: ROOT, encoding: 'utf8' }).split('\n'),
  );

  it('every result file the README names is committed', () => {
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((file) => !tracked.has(file))).toEqual([]);
  });

  it("the large lake's audit volume is the committed measurement", () => {
    const result = JSON.parse(
      readFileSync(resolve(ROOT, 'bench/results/audit-volume-large-2026-12-06.json'), 'utf8'),
    );
    const lines = result.auditLines.toLocaleString('en');
    const megabytes = (result.auditBytes / 1e6).toFixed(1);
    expect(readme).toContain(`stored ${lines} lines (${megabytes} MB)`);
    expect(readme).toContain(`${result.objectsWritten.toLocaleString('en')} objects written`);
  });

  it("the large lake's re-sync and reconcile are the committed measurement", () => {
    const { results } = JSON.parse(
      readFileSync(resolve(ROOT, 'bench/results/large-resync-reconcile-2026-12-07.json'), 'utf8'),
    );
    const [resync, reconcile] = results;
    const oneDecimal = (n: number) =>
      n.toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    expect(readme).toContain(
      `${oneDecimal(resync.wallSeconds)} s, ${resync.timeRatio.toFixed(2)} × its\nfloor time of ${oneDecimal(resync.floorSeconds)} s`,
    );
    expect(readme).toContain(
      `every database was compared once in ${reconcile.extra.runsToFullCoverage} runs`,
    );
    expect(readme).toContain(`${reconcile.calls.toLocaleString('en')} calls against a floor of`);
    const firstRun = reconcile.extra.runs.find((r: { compared: string[] }) => r.compared.length > 0);
    expect(readme).toContain(
      `the first run compared ${firstRun.compared.length} databases for ${firstRun.calls.toLocaleString('en')} calls`,
    );
  });

  it("the small lake's table is the committed idle run, row by row", () => {
    const { results } = JSON.parse(
      readFileSync(resolve(ROOT, 'bench/results/small-2026-12-07T01-26-35-970Z.json'), 'utf8'),
    );
    const rows: Record<string, string> = {
      'full-sync': 'full sync',
      'no-change-resync': 'no-change re-sync',
      'one-table-changed': 'one table changed',
      'partitions-added-1pct': '1% partitions added',
      verify: 'verify',
      'realtime-push-burst': 'real-time push burst of 1,000',
    };
    for (const result of results) {
      const name = rows[result.scenario];
      if (!name) continue;
      const row = readme.split('\n').find((line) => line.startsWith(`| ${name} |`));
      expect(row, name).toBeDefined();
      const cells = row!.split('|').map((c) => c.trim());
      expect(cells[2], `${name} wall`).toBe(result.wallSeconds.toFixed(1));
      expect(cells[3], `${name} calls`).toBe(result.calls.toLocaleString('en'));
      const ratio = result.timeRatio < 2 ? result.timeRatio.toFixed(2) : result.timeRatio.toFixed(1);
      expect(cells[7], `${name} time ×`).toBe(ratio);
    }
    const push = results.find((r: { scenario: string }) => r.scenario === 'realtime-push-burst');
    expect(readme).toContain(`p99 lag < 10 s ✓ (${push.extra.push.lag.p99Seconds.toFixed(1)} s)`);
  });
});
