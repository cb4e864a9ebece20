import type { SnapshotStore } from '../aws/snapshotStore.ts';
import { type LoadedSnapshot, loadSnapshot } from '../engine/readSnapshot.ts';
import type { Runtime } from '../engine/runtime.ts';
import { LakemirrorError } from '../model/errors.ts';
import type { SnapshotHeader } from '../model/snapshotFormat.ts';

/**
 * The snapshot `sync --snapshot` applies: read and verified (hash, limits, signature with
 * `snapshots.signingKey`), then checked to be of the configured source (`force` skips that check).
 */
export async function loadSourceSnapshot(
  runtime: Runtime,
  reader: SnapshotStore,
  uri: string,
  force: boolean | undefined,
): Promise<LoadedSnapshot> {
  const loaded = await loadSnapshot(reader, uri, { signer: runtime.snapshotSigner, output: runtime.output });
  await checkSnapshotOrigin(runtime, loaded.uri, loaded.header, force);
  return loaded;
}

/**
 * `sync --snapshot` applies a snapshot as if it were the configured source: one of another Region or account
 * is refused unless `force` (as `restore` refuses one of another target). The source account is config
 * `source.accountId`, else the account of the source credentials; when neither can be known (the source Region
 * is down and the config names no account), the snapshot is refused too, since its origin cannot be checked.
 */
export async function checkSnapshotOrigin(
  runtime: Runtime,
  uri: string,
  header: SnapshotHeader,
  force: boolean | undefined,
): Promise<void> {
  if (force) return;
  const { source } = runtime.config;
  const from = header.source;
  const fix = `apply a snapshot of the source ${source.region}, or pass --force to apply this one anyway`;
  if (from.region !== source.region) {
    throw originError(uri, `was taken of ${from.region}, not of the configured source ${source.region}`, fix);
  }
  const account =
    source.accountId ??
    (await runtime.source().then(
      (side) => side.accountId,
      () => undefined,
    ));
  if (account === undefined) {
    throw originError(
      uri,
      `names account ${from.accountId}, and the source account cannot be checked: the config sets no source.accountId and the source Region cannot be reached`,
      'set source.accountId in the config, or pass --force to apply the snapshot unchecked',
    );
  }
  if (from.accountId !== account) {
    throw originError(
      uri,
      `was taken of account ${from.accountId}, not of the configured source account ${account}`,
      fix,
    );
  }
}

function originError(uri: string, what: string, fix: string): LakemirrorError {
  return new LakemirrorError({
    code: 'sync.otherSource',
    source: 'user',
    object: `snapshot ${uri}`,
    message: `snapshot ${uri} ${what}`,
    fix,
  });
}
