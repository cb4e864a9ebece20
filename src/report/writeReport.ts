import { randomUUID } from 'node:crypto';
import { rename, writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { LakemirrorError } from '../model/errors.ts';
import { renderDriftHtml } from './html/renderDriftPage.ts';
import { renderDrillHtml } from './html/renderDrillPage.ts';
import type { Report } from './reportTypes.ts';

export type ReportFormat = 'html' | 'json';

/**
 * The format a report path asks for: `.html`/`.htm` → HTML, `.json` (or `-` for stdout) → JSON. Any
 * other extension is refused rather than guessed, so `--report drill.txt` fails before the drill runs.
 */
export function reportFormatFor(path: string): ReportFormat {
  if (path === '-') return 'json';
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.json') return 'json';
  throw new LakemirrorError({
    code: 'flags.outFormat',
    source: 'user',
    object: `--out ${path}`,
    message: `cannot tell the report format of '${path}': the extension ${ext || '(none)'} is not one lakemirror writes`,
    fix: 'name the file *.html for the page or *.json for the document',
  });
}

/** The report as a self-contained HTML page or as pretty-printed JSON (the schema in reportTypes.ts). */
export function serializeReport(report: Report, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(report, null, 2)}\n`;
  return report.kind === 'lakemirror.drill' ? renderDrillHtml(report) : renderDriftHtml(report);
}

/**
 * Writes the report in the format its path asks for, atomically (a reader never sees half a page);
 * `-` writes JSON to stdout.
 */
export async function writeReport(path: string, report: Report): Promise<void> {
  await writeTextAtomically(path, serializeReport(report, reportFormatFor(path)));
}

/** Writes through a temporary file renamed into place (a reader never sees half a file); `-` is stdout. */
export async function writeTextAtomically(path: string, text: string, mode?: number): Promise<void> {
  if (path === '-') {
    process.stdout.write(text);
    return;
  }
  const temp = `${path}.${randomUUID()}.tmp`;
  await writeFile(temp, text, mode === undefined ? 'utf8' : { encoding: 'utf8', mode });
  await rename(temp, path);
}
