import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { deployedRuntime, logger, metrics } from './handlerSupport.ts';
import { collectOnce } from './realtimeUseCases.ts';

/** Scheduled: stages new CloudTrail events; on success Lambda invokes the replayer (async destination). */
export async function handler() {
  const report = await collectOnce(await deployedRuntime());
  metrics.addMetric('EventsCollected', MetricUnit.Count, report.staged);
  metrics.publishStoredMetrics();
  logger.info('collected', { ...report });
  return report;
}
