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
});
