import { sha256 } from '../../src/model/hash.ts';
import { SNAPSHOT_SCHEMA_VERSION } from '../../src/model/snapshotFormat.ts';
import { stableStringify } from '../../src/model/stableStringify.ts';

const HEADER_PREFIX = '{"header":';
const HEADER_SUFFIX = ',"records":[';

/** The header JSON and the record lines (without commas) of a snapshot's text, and its trailer line index. */
function partsOf(text: string) {
  const lines = text.split('\n');
  const trailerAt = lines.findIndex((line) => line.startsWith('],"trailer":'));
  const headerJson = lines[0]!.slice(HEADER_PREFIX.length, -HEADER_SUFFIX.length);
  const records = lines.slice(1, trailerAt).map((line) => line.replace(/,$/, ''));
  return { lines, trailerAt, headerJson, records };
}

/**
 * What an attacker with write access to the snapshot store can do: recompute the content hash (schemaVersion 2:
 * header JSON and record lines) after an edit, so the checksum alone no longer notices it.
 */
export function rehashed(text: string): string {
  const { lines, trailerAt, headerJson, records } = partsOf(text);
  const hash = sha256([headerJson, ...records].join('\n'));
  lines[trailerAt] = lines[trailerAt]!.replace(/sha256:[0-9a-f]{64}/, hash);
  return lines.join('\n');
}

/** The same snapshot as schemaVersion 1 wrote it: records-only hash, no signature. */
export function asVersion1(text: string): string {
  const { lines, trailerAt, records } = partsOf(text);
  lines[0] = lines[0]!.replace(`"schemaVersion":${SNAPSHOT_SCHEMA_VERSION}`, '"schemaVersion":1');
  lines[trailerAt] = lines[trailerAt]!.replace(/sha256:[0-9a-f]{64}/, sha256(records.join('\n'))).replace(
    /,"signature":\{[^}]*\}/,
    '',
  );
  return lines.join('\n');
}

/** A schemaVersion 2 snapshot of `records` (raw objects, written as given), with a correct hash and counts. */
export function snapshotOf(records: ReadonlyArray<Record<string, unknown>>, source = SOURCE): string {
  const header = stableStringify({
    capturedAt: '2024-05-01T12:00:00.000Z',
    format: 'lakemirror.snapshot',
    schemaVersion: 2,
    source,
    tool: 'lakemirror/test',
  });
  const lines = records.map((r) => stableStringify(r));
  const countsByKind: Record<string, number> = {};
  for (const r of records) countsByKind[String(r.kind)] = (countsByKind[String(r.kind)] ?? 0) + 1;
  const trailer = stableStringify({
    contentHash: sha256([header, ...lines].join('\n')),
    countsByKind,
    recordCount: records.length,
  });
  const body = lines.map((line, i) => (i < lines.length - 1 ? `${line},` : line));
  return [`${HEADER_PREFIX}${header}${HEADER_SUFFIX}`, ...body, `],"trailer":${trailer}}`, ''].join('\n');
}

const SOURCE = { accountId: '123456789012', region: 'us-east-1' };
