import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { LeaseStore } from './leaseStore.ts';

/** Leases as files under `<snapshots>/leases/`; `wx` (O_CREAT|O_EXCL) makes creation atomic on one host. */
export class FileLeaseStore implements LeaseStore {
  private readonly directory: string;

  constructor(snapshotDirectory: string) {
    this.directory = join(resolve(snapshotDirectory), 'leases');
  }

  async create(name: string, text: string): Promise<boolean> {
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    try {
      await writeFile(this.path(name), text, { flag: 'wx', mode: 0o600 });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
  }

  async read(name: string): Promise<string | undefined> {
    try {
      return await readFile(this.path(name), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async write(name: string, text: string): Promise<void> {
    // Also the first write of a store (a failover's stop marker before any lease was taken).
    await mkdir(this.directory, { recursive: true, mode: 0o700 });
    await writeFile(this.path(name), text, { mode: 0o600 });
  }

  async remove(name: string): Promise<void> {
    await rm(this.path(name), { force: true });
  }

  describe(name: string): string {
    return this.path(name);
  }

  private path(name: string): string {
    return join(this.directory, name);
  }
}
