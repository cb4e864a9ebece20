import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';

/** One recorded event, as kept by the local cloud (the CloudTrail JSON document plus lookup attributes). */
export interface StoredEvent {
  eventId: string;
  /** Milliseconds since the epoch; CloudTrail itself shows seconds. */
  eventTimeMs: number;
  /** When LookupEvents may first return it (eventTime + the delivery delay). */
  deliverAtMs: number;
  eventSource: string;
  eventName: string;
  readOnly: boolean;
  accessKeyId: string;
  username: string;
  resources: Array<{ ResourceType: string; ResourceName: string }>;
  /** The CloudTrailEvent JSON string. */
  document: string;
}

export interface CloudTrailSettings {
  /** Events become visible to LookupEvents this long after they happen (real CloudTrail: minutes). */
  deliveryDelayMs: number;
  /** Serialized requestParameters above this size are omitted, as CloudTrail omits oversized fields. */
  requestParametersLimitBytes: number;
  /** Oldest events are dropped beyond this many per account-Region (real CloudTrail keeps 90 days). */
  maxEventsPerRegion: number;
}

export const DEFAULT_CLOUDTRAIL_SETTINGS: CloudTrailSettings = {
  deliveryDelayMs: 0,
  requestParametersLimitBytes: 100 * 1024,
  maxEventsPerRegion: 200_000,
};

/**
 * Event history per account and Region, newest last. Persisted as append-only JSON Lines so that
 * recording an event costs one buffered append, not a rewrite of the state file.
 */
export class CloudTrailLog {
  private readonly events = new Map<string, StoredEvent[]>();
  private readonly streams = new Map<string, WriteStream>();
  settings: CloudTrailSettings;

  constructor(
    private readonly dataDir: string | undefined,
    settings: Partial<CloudTrailSettings> = {},
  ) {
    this.settings = { ...DEFAULT_CLOUDTRAIL_SETTINGS, ...settings };
    if (dataDir) this.load(dataDir);
  }

  private load(dataDir: string): void {
    const root = join(dataDir, 'cloudtrail');
    let accounts: string[];
    try {
      accounts = readdirSync(root);
    } catch {
      return;
    }
    for (const accountId of accounts) {
      for (const file of readdirSync(join(root, accountId))) {
        if (!file.endsWith('.jsonl')) continue;
        const region = file.slice(0, -'.jsonl'.length);
        const lines = readFileSync(join(root, accountId, file), 'utf8').split('\n');
        // A torn last line (crash mid-append) is skipped; every complete line is kept.
        const list = lines.flatMap((line) => {
          if (!line) return [];
          try {
            return [JSON.parse(line) as StoredEvent];
          } catch {
            return [];
          }
        });
        this.events.set(`${accountId}/${region}`, list);
      }
    }
  }

  append(accountId: string, region: string, event: StoredEvent): void {
    const id = `${accountId}/${region}`;
    let list = this.events.get(id);
    if (!list) {
      list = [];
      this.events.set(id, list);
    }
    list.push(event);
    if (list.length > this.settings.maxEventsPerRegion)
      list.splice(0, list.length - this.settings.maxEventsPerRegion);
    if (this.dataDir) this.streamOf(accountId, region).write(`${JSON.stringify(event)}\n`);
  }

  private streamOf(accountId: string, region: string): WriteStream {
    const id = `${accountId}/${region}`;
    let stream = this.streams.get(id);
    if (!stream) {
      const dir = join(this.dataDir!, 'cloudtrail', accountId);
      mkdirSync(dir, { recursive: true });
      stream = createWriteStream(join(dir, `${region}.jsonl`), { flags: 'a' });
      this.streams.set(id, stream);
    }
    return stream;
  }

  /** Events of one account-Region, oldest first. */
  list(accountId: string, region: string): readonly StoredEvent[] {
    return this.events.get(`${accountId}/${region}`) ?? [];
  }

  async flush(): Promise<void> {
    const closing = [...this.streams.values()].map(
      (stream) => new Promise<void>((resolve) => stream.end(() => resolve())),
    );
    this.streams.clear();
    await Promise.all(closing);
  }

  async clear(): Promise<void> {
    await this.flush();
    this.events.clear();
    if (this.dataDir) rmSync(join(this.dataDir, 'cloudtrail'), { recursive: true, force: true });
  }
}
