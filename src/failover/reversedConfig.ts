import type { LakemirrorConfig, TargetConfig } from '../config/configSchema.ts';

const invert = (mapping: Record<string, string> | undefined): Record<string, string> | undefined =>
  mapping && Object.keys(mapping).length > 0
    ? Object.fromEntries(Object.entries(mapping).map(([from, to]) => [to, from]))
    : undefined;

/** What failover writes into the reversed config for failback (the `failover` key). */
export interface FailoverRecord {
  from: string;
  promotedAt: string;
  mode: 'soft' | 'hard';
  baseSnapshot: string;
}

/**
 * Pure: the config for failback — source = the promoted Region, the one target = the old source, every
 * mapping inverted; the rest (filters, guards, stores) as the forward config has it. The real-time event
 * table gets its own name, so the reversed direction never reads the forward direction's events.
 */
export function reversedConfig(
  config: LakemirrorConfig,
  promoted: TargetConfig,
  failover: FailoverRecord,
): Record<string, unknown> {
  const s3 = invert(promoted.s3Mapping ?? config.s3Mapping);
  const links = config.resourceLinkMapping;
  // Links the failover pointed at the promoted Region point back at the old source when written there.
  const regions = { ...invert(links?.regions), [promoted.region]: config.source.region };
  const catalogs = invert(links?.catalogs);
  const oldSource: Record<string, unknown> = {
    region: config.source.region,
    ...(config.source.profile ? { profile: config.source.profile } : {}),
    ...(config.source.accountId && promoted.catalogId ? { catalogId: config.source.accountId } : {}),
  };
  const { $schema: _schema, targets: _targets, source: _source, ...rest } = config;
  return {
    ...rest,
    source: {
      region: promoted.region,
      ...(promoted.profile ? { profile: promoted.profile } : {}),
      ...(promoted.catalogId ? { accountId: promoted.catalogId } : {}),
    },
    targets: [oldSource],
    ...(s3 ? { s3Mapping: s3 } : { s3Mapping: undefined }),
    ...(config.accountMapping ? { accountMapping: invert(config.accountMapping) } : {}),
    ...(regions || catalogs
      ? {
          resourceLinkMapping: {
            ...(regions ? { regions } : {}),
            ...(catalogs ? { catalogs } : {}),
          },
        }
      : {}),
    realtime: { ...config.realtime, eventTable: `${config.realtime.eventTable}-reversed` },
    failover,
  };
}
