import { createHash } from 'node:crypto';
import type { GeneratedLake } from './generateLake.ts';
import { partitionsOf, storedDatabase, storedTable } from './lakeCatalog.ts';

/**
 * sha256 over every generated object (databases, each table followed by its partitions, then Lake Formation),
 * streamed so it also works for the large lake. Equal hashes mean byte-identical lakes.
 */
export function lakeHash(lake: GeneratedLake): string {
  const hash = createHash('sha256');
  const add = (value: unknown) => hash.update(`${JSON.stringify(value)}\n`);
  for (const db of lake.databases) add(storedDatabase(db, lake.accountId));
  for (const table of lake.tables) {
    add(storedTable(table, lake.accountId));
    for (const partition of partitionsOf(table, lake.accountId)) add(partition);
  }
  add(lake.lf);
  return `sha256:${hash.digest('hex')}`;
}
