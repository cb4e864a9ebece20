/** Formatting shared by the page fragments: times in UTC (the same for every reader), durations, values. */

/** `2024-05-01 12:34:56 UTC`; the input unchanged if it is not a date. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

/** `HH:MM` (UTC) for chart ticks, with seconds when the span is short. */
export function formatClock(ms: number, withSeconds: boolean): string {
  return new Date(ms).toISOString().slice(11, withSeconds ? 19 : 16);
}

/** `45 s`, `7.5 min`, `2 h 5 min`. */
export function formatMinutes(minutes: number): string {
  if (minutes < 1) return `${round(minutes * 60, minutes * 60 < 10 ? 1 : 0)} s`;
  if (minutes < 120) return `${round(minutes, 1)} min`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${Math.round(minutes - hours * 60)} min`;
}

/** `850 ms`, `42 s`, `3 min 12 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${round(seconds, 1)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 120) return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
  return formatMinutes(seconds / 60);
}

/** Lag in seconds for axes: `30 s`, `5 min`, `1.5 h`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${round(seconds, 1)} s`;
  if (seconds < 7200) return `${round(seconds / 60, 1)} min`;
  return `${round(seconds / 3600, 1)} h`;
}

export { plural } from '../../model/plural.ts';

/**
 * A value as compact JSON, cut to `max` code points (never inside a surrogate pair) with `…`.
 * `undefined` (the field is absent on that side) renders as `(absent)`.
 */
export function formatValue(value: unknown, max = 120): { text: string; full: string; truncated: boolean } {
  const full = value === undefined ? '(absent)' : (JSON.stringify(value) ?? String(value));
  const chars = Array.from(full);
  if (chars.length <= max) return { text: full, full, truncated: false };
  return { text: `${chars.slice(0, max - 1).join('')}…`, full, truncated: true };
}

function round(n: number, digits: number): string {
  const factor = 10 ** digits;
  return String(Math.round(n * factor) / factor);
}
