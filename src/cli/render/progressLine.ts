import type { ProgressCount } from '../../engine/output.ts';

/** One phase of a run as the progress display knows it: name, detail, counts and when it started. */
export interface PhaseLine {
  name: string;
  detail?: string;
  startedAt: number;
  counts: Record<string, ProgressCount>;
}

const number = new Intl.NumberFormat('en-US');

/** `snapshot us-east-1 · tables 12/200 · partitions 4,300 · 850 partitions/s · 3.2s · detail`. */
export function phaseText(line: PhaseLine, now: number): string {
  const seconds = Math.max(0, (now - line.startedAt) / 1000);
  const counts = Object.entries(line.counts).map(
    ([unit, c]) =>
      `${unit} ${number.format(c.done)}${c.total === undefined ? '' : `/${number.format(c.total)}`}`,
  );
  // The rate of the unit that moves most (partitions rather than tables).
  const main = Object.entries(line.counts).reduce<[string, ProgressCount] | undefined>(
    (best, entry) => (entry[1].done > (best?.[1].done ?? 0) ? entry : best),
    undefined,
  );
  const rate =
    main && seconds >= 1 ? [`${number.format(Math.round(main[1].done / seconds))} ${main[0]}/s`] : [];
  const parts = [...counts, ...rate, `${seconds.toFixed(1)}s`];
  // Counts first: on a narrow terminal the detail is what gets cut, not the numbers.
  return `${line.name} · ${parts.join(' · ')}${line.detail ? ` · ${line.detail}` : ''}`;
}
