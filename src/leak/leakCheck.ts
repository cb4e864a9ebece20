import { recordKey } from '../model/keys.ts';
import type { SnapshotRecord } from '../model/records.ts';

/*
 * The leak check: an independent look at what the target holds. It shares no code with the S3 remap (its own
 * patterns, its own walk), so a field the remap forgets, or a remap that believes both sides are equal, still
 * shows here.
 */

/** One reference to the source side found in a target record. */
export interface LeakFinding {
  kind: SnapshotRecord['kind'];
  /** The target record's key. */
  key: string;
  /** Dotted path of the field inside the record, e.g. `input.Parameters.location`. */
  field: string;
  /** What it names: a source bucket of s3Mapping, the source Region or the source account. */
  names: 'sourceBucket' | 'sourceRegion' | 'sourceAccount';
  /** The offending reference as found (bucket URI/ARN, or the ARN prefix). */
  reference: string;
}

/** What counts as the source, from the config and the two sides' identities. */
export interface LeakScope {
  /** The source buckets: the keys of s3Mapping (a bucket mapped to itself is not a leak). */
  s3Mapping: Readonly<Record<string, string>>;
  source: { region: string; accountId: string };
  target: { region: string; accountId: string };
  /** Only a source account the mapping moves elsewhere is a leak when it appears in the target. */
  accountMapping?: Readonly<Record<string, string>>;
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const AFTER_NAME = '(?![A-Za-z0-9_.-])';

/** The patterns that betray a reference to the source side in this scope. */
function patterns(scope: LeakScope): Array<{ names: LeakFinding['names']; pattern: RegExp }> {
  const found: Array<{ names: LeakFinding['names']; pattern: RegExp }> = [];
  const buckets = Object.entries(scope.s3Mapping)
    .filter(([from, to]) => from !== to)
    .map(([from]) => literal(from));
  if (buckets.length > 0) {
    const bucket = `(?:${buckets.join('|')})`;
    // s3:// s3a:// s3n:// URIs, S3 ARNs, and HTTPS URLs in virtual-hosted and path style.
    const forms = [
      `s3[an]?://${bucket}${AFTER_NAME}`,
      `arn:aws[a-z-]*:s3:::${bucket}${AFTER_NAME}`,
      `https?://${bucket}\\.s3[.-][^/\\s]*`,
      `https?://s3[.-][^/\\s]*/${bucket}${AFTER_NAME}`,
    ];
    found.push({ names: 'sourceBucket', pattern: new RegExp(forms.join('|'), 'gi') });
  }
  const { source, target } = scope;
  if (source.region && source.region !== target.region)
    found.push({
      names: 'sourceRegion',
      pattern: new RegExp(`arn:aws[a-z-]*:[a-z0-9-]+:${literal(source.region)}:\\d{0,12}:`, 'g'),
    });
  const movedTo = scope.accountMapping?.[source.accountId];
  if (source.accountId && source.accountId !== target.accountId && movedTo && movedTo !== source.accountId)
    found.push({
      names: 'sourceAccount',
      pattern: new RegExp(`arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:${literal(source.accountId)}:`, 'g'),
    });
  return found;
}

/**
 * A test every text that any pattern matches passes too (each pattern holds one of these names literally), so
 * the patterns run only on the rare texts that name a source bucket, Region or account at all.
 */
function anyNeedle(scope: LeakScope): RegExp {
  const needles = [...Object.keys(scope.s3Mapping), scope.source.region, scope.source.accountId].filter(
    (needle) => needle !== '',
  );
  return new RegExp(needles.map(literal).join('|'), 'i');
}

/** Every reference to the source side in the given target records, in record order. Pure. */
export function findLeaks(records: Iterable<SnapshotRecord>, scope: LeakScope): LeakFinding[] {
  const checks = patterns(scope);
  if (checks.length === 0) return [];
  const maybe = anyNeedle(scope);
  const findings: LeakFinding[] = [];
  for (const record of records) {
    let key: string | undefined;
    eachString(record, [], maybe, (field, text) => {
      for (const { names, pattern } of checks) {
        for (const match of text.matchAll(pattern)) {
          key ??= recordKey(record);
          findings.push({ kind: record.kind, key, field, names, reference: match[0] });
        }
      }
    });
  }
  return findings;
}

/**
 * Calls `found` with each string in a value that passes `maybe`, and its dotted path; map keys count too (a key
 * can hold a location). The path is joined only for those strings: a lake's records hold millions of others.
 */
function eachString(
  value: unknown,
  path: string[],
  maybe: RegExp,
  found: (field: string, text: string) => void,
): void {
  if (typeof value === 'string') {
    if (maybe.test(value)) found(path.join('.'), value);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      path.push(String(i));
      eachString(value[i], path, maybe, found);
      path.pop();
    }
    return;
  }
  for (const name of Object.keys(value)) {
    path.push(name);
    if (maybe.test(name)) found(`${path.join('.')} (key)`, name);
    eachString((value as Record<string, unknown>)[name], path, maybe, found);
    path.pop();
  }
}
