/** Readers over CloudTrail `requestParameters`, which may be absent, truncated or oddly typed. */
export type Params = Record<string, unknown>;

export function record(value: unknown): Params | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Params) : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** A Glue database or table name as Glue stores it (lowercase). */
export function glueName(value: unknown): string | undefined {
  return text(value)?.toLowerCase();
}

/** Partition values (case kept); undefined unless a list of strings. */
export function values(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}

/** An object extractor for one event name: requestParameters (never null here) → objects found. */
export type Extractor<T> = (params: Params) => T[];

/**
 * Objects of every entry of a batch call. An entry that names none (truncated) adds `{kind:'catalog'}`,
 * so the replayer still reconciles broadly; the entries that were readable are kept.
 */
export function eachEntry<T>(entries: unknown, extract: (entry: unknown) => T[], catalog: T): T[] {
  const found = list(entries).map(extract);
  return found.some((objects) => objects.length === 0) ? [...found.flat(), catalog] : found.flat();
}
