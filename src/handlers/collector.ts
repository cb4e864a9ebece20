import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { REALTIME_CLIENTS } from '../aws/clients/realtimeClients.ts';
import { deployedRuntime, logger, metrics } from './handlerSupport.ts';
import { collectOnce } from './realtimeUseCases.ts';
import { addWatermarkAge } from './watermarkMetric.ts';

/** Scheduled: stages new CloudTrail events; on success Lambda invokes the replayer (async destination). */
export async function handler() {
  const runtime = await deployedRuntime(REALTIME_CLIENTS);
  const report = await collectOnce(runtime);
  metrics.addMetric('EventsCollected', MetricUnit.Count, report.staged);
  await addWatermarkAge(runtime);
  metrics.publishStoredMetrics();
  logger.info('collected', { ...report });
  return report;
}
