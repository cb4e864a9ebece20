import { randomBytes } from 'node:crypto';
import { chmod, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LakemirrorError } from '../model/errors.ts';
import { DEFAULT_LEASE_MS } from '../model/leaseDefaults.ts';
import {
  assertSingleLine,
  assertSnapshotName,
  linesOf,
  newestFirst,
  type SnapshotInfo,
  type SnapshotPin,
  type SnapshotStore,
  type SnapshotWriter,
  snapshotChanged,
} from './snapshotStore.ts';

const FLUSH_BYTES = 1 << 20;
const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * Removes the temp files of writers that died mid-snapshot (kill -9 skips `abort`). A live writer flushes
 * every MiB, so only a file untouched for longer than a lease can be held belongs to a dead run.
 */
async function removeDeadTempFiles(directory: string, olderThanMs: number): Promise<void> {
  const names = (await readdir(directory)).filter((name) => TEMP_FILE.test(name));
  await Promise.all(
    names.map(async (name) => {
      const path = join(directory, name);
      const info = await stat(path).catch(() => undefined);
      if (info && info.mtimeMs < olderThanMs) await rm(path, { force: true });
    }),
  );
}

/**
 * Snapshots as files in a local directory. Each is written to a hidden temp file (mode 0600:
 * snapshots hold the whole catalog and its permissions) and renamed into place on close, so a
 * crash never leaves a truncated snapshot that looks complete.
 */
export class FileSnapshotStore implements SnapshotStore {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = resolve(directory);
  }

  async openWriter(name: string): Promise<SnapshotWriter> {
    assertSnapshotName(name);
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    await removeDeadTempFiles(this.directory, Date.now() - DEFAULT_LEASE_MS);
    const finalPath = join(this.directory, name);
    const tempPath = join(this.directory, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    const file = await open(tempPath, 'wx', 0o600);
    await chmod(tempPath, 0o600);
    let pending: string[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      const text = pending.join('');
      pending = [];
      pendingBytes = 0;
      await file.write(text);
    };
    return {
      async writeLine(line) {
        assertSingleLine(line);
        pending.push(`${line}\n`);
        pendingBytes += line.length + 1;
        if (pendingBytes >= FLUSH_BYTES) await flush();
      },
      async close() {
        await flush();
        await file.sync();
        await file.close();
        await rename(tempPath, finalPath);
        return { uri: finalPath, version: fileVersion(await stat(finalPath)) };
      },
      async abort() {
        await file.close().catch(() => undefined);
        await rm(tempPath, { force: true });
      },
    };
  }

  /** With a pin, the file must be the one the first read opened (same inode, size and modification time). */
  async *readLines(uri: string, pin?: SnapshotPin): AsyncIterable<string> {
    try {
      const file = await open(resolve(uri), 'r');
      const version = fileVersion(
        await file.stat().catch(async (error) => {
          await file.close();
          throw error;
        }),
      );
      if (pin?.version && pin.version !== version) {
        await file.close();
        throw snapshotChanged(uri);
      }
      if (pin) pin.version = version;
      yield* linesOf(file.createReadStream({ encoding: 'utf8' }));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && pin?.version) throw snapshotChanged(uri, error);
      if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'EACCES') throw error;
      throw new LakemirrorError({
        code: 'snapshot.notFound',
        source: 'user',
        object: `snapshot ${uri}`,
        message: `snapshot ${uri} ${code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a directory' : 'cannot be read (permission denied)'}`,
        fix: 'pass the path of a snapshot file (`lakemirror snapshot` prints it; safety snapshots are under <snapshots.uri>/safety/)',
        cause: error,
      });
    }
  }

  async list(): Promise<SnapshotInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const infos = await Promise.all(
      names
        .filter((name) => !name.startsWith('.'))
        .map(async (name) => {
          const path = join(this.directory, name);
          const info = await stat(path);
          return info.isFile() ? { uri: path, lastModified: info.mtime, size: info.size } : undefined;
        }),
    );
    return infos.filter((info) => info !== undefined).sort(newestFirst);
  }

  async latest(): Promise<SnapshotInfo | undefined> {
    return (await this.list())[0];
  }
}

/** A file's identity: replacing it (rename over it) or rewriting it changes one of these. */
function fileVersion(info: { dev: number; ino: number; size: number; mtimeMs: number }): string {
  return `file:${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}`;
}
