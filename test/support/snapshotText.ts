import { sha256 } from '../../src/model/hash.ts';

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
  lines[0] = lines[0]!.replace('"schemaVersion":2', '"schemaVersion":1');
  lines[trailerAt] = lines[trailerAt]!.replace(/sha256:[0-9a-f]{64}/, sha256(records.join('\n'))).replace(
    /,"signature":\{[^}]*\}/,
    '',
  );
  return lines.join('\n');
}
