import { type Dirent, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Vitest global setup: tests write only under temporary directories. The checkout's `.lakemirror/` (the
 * user's own audit log, snapshots and local cloud) must be byte-for-byte where it was after `npm test`;
 * the run fails naming every file a test added, changed or removed there.
 */
const WATCHED = '.lakemirror';

function listing(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else {
        const stat = statSync(path);
        files.set(relative(process.cwd(), path), `${stat.size}:${stat.mtimeMs}`);
      }
    }
  };
  walk(root);
  return files;
}

/** The paths that differ between two listings. */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}

export default function setup(): () => void {
  const before = listing(WATCHED);
  return () => {
    const changed = changedPaths(before, listing(WATCHED));
    if (changed.length === 0) return;
    // Vitest reports a teardown error but keeps the exit code; the run must fail.
    process.on('exit', () => {
      process.exitCode = 1;
    });
    throw new Error(
      `tests wrote into the checkout's ${WATCHED}/ (use a temporary directory): ${changed.slice(0, 20).join(', ')}`,
    );
  };
}
