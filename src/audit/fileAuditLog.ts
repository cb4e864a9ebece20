import { createReadStream } from 'node:fs';
import { appendFile, chmod, mkdir, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { linesOf } from '../aws/snapshotStore.ts';
import { type AuditLog, type AuditSource, auditLine, serialised } from './auditLog.ts';
import { parseAuditLine } from './parseAuditLine.ts';

/** A `.jsonl` path is one file; anything else is a directory holding one file per UTC day. */
export function isAuditFile(path: string): boolean {
  return path.toLowerCase().endsWith('.jsonl');
}

/**
 * The audit log on the local disk, appended as each batch of writes answers (a crash loses nothing
 * already applied). Files are mode 0600 in a 0700 directory: they name every object and principal.
 */
export function fileAuditLog(path: string): AuditLog {
  const target = resolve(path);
  const oneFile = isAuditFile(target);
  const append = serialised(async (text, records) => {
    // One file takes the serialised text as it is; a directory gets one file per UTC day.
    const byFile = new Map<string, string>();
    if (oneFile) byFile.set(target, text);
    else
      for (const record of records) {
        const file = join(target, `${record.time.slice(0, 10)}.jsonl`);
        byFile.set(file, `${byFile.get(file) ?? ''}${auditLine(record)}\n`);
      }
    for (const [file, lines] of byFile) {
      await mkdir(dirname(file), { recursive: true, mode: 0o700 });
      await appendFile(file, lines, { mode: 0o600, flag: 'a' });
      await chmod(file, 0o600);
    }
  });
  return { append, close: () => append([]) };
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
