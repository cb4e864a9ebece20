import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { REALTIME_CLIENTS } from '../aws/clients/realtimeClients.ts';
import { deployedRuntime, logger, metrics } from './handlerSupport.ts';
import { reconcileAndReplay } from './realtimeUseCases.ts';
import { addWatermarkAge } from './watermarkMetric.ts';

/**
 * Triggered by the collector and by its own schedule: reconciles the objects of pending events in
 * every target, with the reconcile's share of the scope. `{ "confirm": true }` lets a replay exceed `realtime.maxChangePercent`.
 */
export async function handler(event: { confirm?: boolean } = {}) {
  // The reconcile's share of the scope rides along with every replay, so misses heal within a cycle.
  const runtime = await deployedRuntime(REALTIME_CLIENTS);
  const { reconcile, replay: report } = await reconcileAndReplay(runtime, {
    confirm: event.confirm === true,
  });
  metrics.addMetric('DatabasesReconciled', MetricUnit.Count, reconcile.staged.length);
  metrics.addMetric('EventsApplied', MetricUnit.Count, report.events.applied);
  metrics.addMetric('EventsFailed', MetricUnit.Count, report.events.failed);
  metrics.addMetric('CircuitBreakerTripped', MetricUnit.Count, report.circuitBreaker.tripped ? 1 : 0);
  if (report.lag.maxMs !== null) {
    metrics.addMetric('ReplicationLagSeconds', MetricUnit.Seconds, report.lag.maxMs / 1000);
  }
  await addWatermarkAge(runtime);
  metrics.publishStoredMetrics();
  logger.info('replayed', { ...report, reconcile });
  return report;
}
