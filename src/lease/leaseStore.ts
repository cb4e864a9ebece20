/**
 * Where leases live (port): one small text object per target, created only if absent. Two adapters: a file
 * created with O_EXCL beside local snapshots, and an S3 object created with `If-None-Match: *` in the snapshot
 * store. Only `create` needs to be atomic: it is what decides which of two writers holds a target.
 */
export interface LeaseStore {
  /** Creates `name` with `text` unless it exists; false when another writer created it first. */
  create(name: string, text: string): Promise<boolean>;
  /** The text of `name`, or undefined when there is none. */
  read(name: string): Promise<string | undefined>;
  /** Overwrites `name` (renewal by the holder). */
  write(name: string, text: string): Promise<void>;
  remove(name: string): Promise<void>;
  /** Where a lease is kept, in words, for messages. */
  describe(name: string): string;
}
