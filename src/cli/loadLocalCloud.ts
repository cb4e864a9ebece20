import { LakemirrorError } from '../model/errors.ts';

/** The local cloud package, as its public API types it (a type-only import: nothing is loaded by it). */
export type LocalCloudPackage = typeof import('@lakemirror/localcloud');

export const LOCAL_CLOUD_PACKAGE = '@lakemirror/localcloud';

/** Whether `error` says that the package itself (not one of its own imports) could not be found. */
function packageMissing(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'MODULE_NOT_FOUND') &&
    new RegExp(`['"]${LOCAL_CLOUD_PACKAGE}['"/]`).test(e.message ?? '')
  );
}

/**
 * Loads the local cloud, which is a separate workspace package, not a dependency of lakemirror: a user who
 * installs lakemirror for AWS gets neither the emulator nor its dependency tree. Only `demo`, `localcloud`
 * and the embedded start call this; no module of the product imports the emulator statically.
 */
export async function loadLocalCloud(): Promise<LocalCloudPackage> {
  try {
    return await import('@lakemirror/localcloud');
  } catch (error) {
    if (!packageMissing(error)) throw error;
    throw new LakemirrorError({
      code: 'localcloud.notInstalled',
      source: 'user',
      object: `package ${LOCAL_CLOUD_PACKAGE}`,
      message: `the local cloud (package ${LOCAL_CLOUD_PACKAGE}) is not installed; lakemirror ships without its emulator`,
      fix: `run lakemirror from a clone of its repository (npm ci installs the emulator as a workspace), or install it beside lakemirror with \`npm i -D ${LOCAL_CLOUD_PACKAGE}\`; against AWS, remove localcloud.endpoint from the config`,
      cause: error,
    });
  }
}
