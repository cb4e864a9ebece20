import type { ScenarioResult } from './result.ts';

const num = (n: number | undefined, digits = 0) => (n === undefined ? '–' : n.toFixed(digits));

/** The terminal table: one row per scenario, targets as ✓/✗ (pending and failed rows say so). */
export function renderTable(results: readonly ScenarioResult[]): string {
  const header = [
    'scenario',
    'wall s',
    'calls',
    'floor',
    'ratio',
    'floor s',
    'time ×',
    'writes',
    'RSS MiB',
    'targets',
  ];
  const rows = results.map((r) => {
    if (r.status !== 'ok')
      return [r.scenario, r.status.toUpperCase(), '', '', '', '', '', '', '', r.error ?? ''];
    const targets = r.targets.map((t) => `${t.met ? '✓' : '✗'} ${t.name}`).join('; ');
    return [
      r.scenario,
      num(r.wallSeconds, 1),
      num(r.calls),
      num(r.floorCalls),
      num(r.ratio, 3),
      num(r.floorSeconds, 1),
      num(r.timeRatio, 2),
      num(r.writes),
      num(r.peakRssMiB, 0),
      targets || '–',
    ];
  });
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => Math.min(60, String(row[i]).length))),
  );
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
