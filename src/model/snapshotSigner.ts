import type { SnapshotSignature, SnapshotTrailer } from './snapshotFormat.ts';

/**
 * Signs and verifies snapshots (port; the KMS adapter is src/aws/kmsSnapshotSigner.ts). The signature is a MAC
 * over the content hash, which covers header and records, so no field can change without a new signature.
 */
export interface SnapshotSigner {
  /** The signature of a snapshot whose content hash is `contentHash`. */
  sign(contentHash: string): Promise<SnapshotSignature>;
  /** Resolves when the trailer carries a valid signature of the configured key; else `snapshot.unsigned` or `snapshot.badSignature`. */
  verify(trailer: SnapshotTrailer): Promise<void>;
}
