import { createHash, type Hash } from 'node:crypto';

/** `sha256:<hex>` of a UTF-8 string; the prefix names the algorithm so it can change without ambiguity. */
export function sha256(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/**
 * Incremental hash over lines joined by `\n`, equal to `sha256(lines.join('\n'))`.
 * Snapshot writers and readers use it so they never hold all record lines in memory.
 */
export class LineHasher {
  readonly #hash: Hash = createHash('sha256');
  #lines = 0;

  add(line: string): void {
    if (this.#lines > 0) this.#hash.update('\n', 'utf8');
    this.#hash.update(line, 'utf8');
    this.#lines += 1;
  }

  /** The digest of the lines added so far, without ending the hash. */
  peek(): string {
    return `sha256:${this.#hash.copy().digest('hex')}`;
  }

  digest(): string {
    return `sha256:${this.#hash.digest('hex')}`;
  }
}
