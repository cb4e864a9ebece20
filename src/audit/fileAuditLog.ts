import { createReadStream } from 'node:fs';
import { mkdir, open, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { linesOf } from '../aws/snapshotStore.ts';
import { type AuditLog, type AuditSource, auditLine } from './auditLog.ts';
import type { AuditRecord } from './auditRecord.ts';
import { groupCommit } from './groupCommit.ts';
import { parseAuditLine } from './parseAuditLine.ts';

/** A `.jsonl` path is one file; anything else is a directory holding one file per UTC day. */
export function isAuditFile(path: string): boolean {
  return path.toLowerCase().endsWith('.jsonl');
}

/**
 * The audit log on the local disk. Each flush appends its lines and fsyncs the file before the records count
 * as stored, so an intent is on disk before its write goes out; appends arriving meanwhile share the next
 * flush (group commit). Files are mode 0600 in a 0700 directory: they name every object and principal.
 */
export function fileAuditLog(path: string): AuditLog {
  const target = resolve(path);
  const oneFile = isAuditFile(target);
  const commits = groupCommit<AuditRecord>(async (records) => {
    // One file takes every line; a directory gets one file per UTC day.
    const byFile = new Map<string, string>();
    for (const record of records) {
      const file = oneFile ? target : join(target, `${record.time.slice(0, 10)}.jsonl`);
      byFile.set(file, `${byFile.get(file) ?? ''}${auditLine(record)}\n`);
    }
    for (const [file, lines] of byFile) await appendDurably(file, lines);
  });
  return {
    append: (records) => (records.length === 0 ? commits.settle() : commits.append(records)),
    close: () => commits.settle(),
  };
}

async function appendDurably(file: string, lines: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  const handle = await open(file, 'a', 0o600);
  try {
    await handle.appendFile(lines);
    await handle.datasync();
    await handle.chmod(0o600);
  } finally {
    await handle.close();
  }
}

/** Reads a file-based audit log back, day files in name (date) order. */
export function fileAuditSource(path: string): AuditSource {
  const target = resolve(path);
  return {
    async *read() {
      let files: string[];
      if (isAuditFile(target)) files = [target];
      else {
        try {
          files = (await readdir(target))
            .filter((name) => isAuditFile(name) && !name.startsWith('.'))
            .sort()
            .map((name) => join(target, name));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
          throw error;
        }
      }
      for (const file of files) {
        let line = 0;
        try {
          for await (const text of linesOf(createReadStream(file, { encoding: 'utf8' }))) {
            line += 1;
            if (text.trim() === '') continue;
            yield { record: parseAuditLine(text, `${file}:${line}`), where: file };
          }
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
          throw error;
        }
      }
    },
  };
}
