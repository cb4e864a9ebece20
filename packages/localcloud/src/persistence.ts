import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegionState } from './state.ts';

/**
 * Keeps each account-Region's state in `<dataDir>/state/<account>/<region>.json`.
 * Writes go to a temporary file that is renamed over the old one, so a crash never leaves a torn file.
 */
export class StatePersistence {
  constructor(private readonly dataDir: string) {}

  private fileOf(accountId: string, region: string): string {
    return join(this.dataDir, 'state', accountId, `${region}.json`);
  }

  loadAll(): RegionState[] {
    const root = join(this.dataDir, 'state');
    const states: RegionState[] = [];
    let accounts: string[];
    try {
      accounts = readdirSync(root);
    } catch {
      return states;
    }
    for (const accountId of accounts) {
      for (const file of readdirSync(join(root, accountId))) {
        if (!file.endsWith('.json')) continue;
        const region = file.slice(0, -'.json'.length);
        const text = readFileSync(join(root, accountId, file), 'utf8');
        states.push(new RegionState(accountId, region, JSON.parse(text) as Record<string, unknown>));
      }
    }
    return states;
  }

  save(state: RegionState): void {
    const file = this.fileOf(state.accountId, state.region);
    mkdirSync(join(this.dataDir, 'state', state.accountId), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(state));
    renameSync(temp, file);
    state.dirty = false;
  }

  removeAll(): void {
    rmSync(join(this.dataDir, 'state'), { recursive: true, force: true });
  }
}
