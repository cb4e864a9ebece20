import { GenerateMacCommand, type KMSClient, VerifyMacCommand } from '@aws-sdk/client-kms';
import { isLakemirrorError, LakemirrorError } from '../model/errors.ts';
import { SNAPSHOT_MAC_ALGORITHM, type SnapshotTrailer } from '../model/snapshotFormat.ts';
import type { SnapshotSigner } from '../model/snapshotSigner.ts';
import { type AwsCallContextOptions, createAwsCallContext } from './awsCallContext.ts';
import { awsErrorName } from './classifyAwsError.ts';

const encoder = new TextEncoder();

/**
 * Snapshot signatures made and checked by KMS (`GenerateMac` / `VerifyMac` with an HMAC_256 key): the key
 * never leaves KMS, so whoever may edit the snapshot bucket cannot forge one without kms:GenerateMac on it.
 * The MAC covers the UTF-8 bytes of `contentHash` (71 bytes, within KMS's 4096-byte message limit).
 */
export class KmsSnapshotSigner implements SnapshotSigner {
  readonly #context;

  constructor(
    private readonly kms: KMSClient,
    readonly keyId: string,
    options: AwsCallContextOptions,
  ) {
    this.#context = createAwsCallContext('kms', options);
  }

  async sign(contentHash: string) {
    const answer = await this.#call('GenerateMac', () =>
      this.kms.send(
        new GenerateMacCommand({
          KeyId: this.keyId,
          MacAlgorithm: SNAPSHOT_MAC_ALGORITHM,
          Message: encoder.encode(contentHash),
        }),
      ),
    );
    return {
      keyId: answer.KeyId ?? this.keyId,
      algorithm: SNAPSHOT_MAC_ALGORITHM,
      mac: Buffer.from(answer.Mac ?? new Uint8Array()).toString('base64'),
    } as const;
  }

  async verify(trailer: SnapshotTrailer): Promise<void> {
    const { signature } = trailer;
    if (!signature) {
      throw new LakemirrorError({
        code: 'snapshot.unsigned',
        source: 'user',
        message: `the snapshot carries no signature, but config snapshots.signingKey (${this.keyId}) requires one`,
        fix: 'use a snapshot taken with this signingKey (lakemirror snapshot), or remove snapshots.signingKey to accept unsigned snapshots',
      });
    }
    const mac = Buffer.from(signature.mac, 'base64');
    try {
      await this.#call('VerifyMac', () =>
        this.kms.send(
          new VerifyMacCommand({
            KeyId: this.keyId,
            MacAlgorithm: SNAPSHOT_MAC_ALGORITHM,
            Message: encoder.encode(trailer.contentHash),
            Mac: mac,
          }),
        ),
      );
    } catch (error) {
      if (awsErrorName(isLakemirrorError(error) ? error.cause : error) !== 'KMSInvalidMacException')
        throw error;
      throw new LakemirrorError({
        code: 'snapshot.badSignature',
        source: 'user',
        message: `the snapshot's signature is not a ${SNAPSHOT_MAC_ALGORITHM} MAC of its content by key ${this.keyId}: the snapshot was changed after it was signed, or signed with another key (${signature.keyId})`,
        fix: 'do not apply this snapshot; take a new one with `lakemirror snapshot`',
        cause: error,
      });
    }
  }

  #call<T>(operation: string, fn: () => Promise<T>): Promise<T> {
    return this.#context.call(operation, `KMS key ${this.keyId}`, fn);
  }
}

/** The Region of a KMS key: the one its ARN names, else `fallback` (a bare key id or alias lives there). */
export function kmsKeyRegion(keyId: string, fallback: string): string {
  const arn = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):\d{12}:/.exec(keyId);
  return arn?.[1] ?? fallback;
}
