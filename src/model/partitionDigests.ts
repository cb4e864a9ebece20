import { LineHasher } from './hash.ts';

/**
 * Per table, in snapshot order, the hash of the lines of its partitions. A run that wrote (and so validated)
 * a snapshot keeps these; when it streams the partitions back it skips the schema check of every line and
 * instead proves each table's lines unchanged before handing them on.
 */
export type PartitionDigests = ReadonlyArray<readonly [tableKey: string, digest: string]>;

/** Builds PartitionDigests from the partition lines of a snapshot, fed in order. */
export class PartitionDigestCollector {
  readonly #digests: Array<[string, string]> = [];
  #current: { tableKey: string; hasher: LineHasher } | undefined;

  add(tableKey: string, line: string): void {
    if (this.#current?.tableKey !== tableKey) {
      this.#close();
      this.#current = { tableKey, hasher: new LineHasher() };
    }
    this.#current.hasher.add(line);
  }

  /** The digests so far, the current table's included. */
  digests(): PartitionDigests {
    this.#close();
    return this.#digests;
  }

  #close(): void {
    if (this.#current) this.#digests.push([this.#current.tableKey, this.#current.hasher.digest()]);
    this.#current = undefined;
  }
}
