import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Runtime } from '../engine/runtime.ts';
import { watermarkOf } from '../realtime/index.ts';
import { logger, metrics } from './handlerSupport.ts';

/**
 * Adds the watermark's age (how far behind the source every target may be) to the run's metrics; the CDK
 * app alarms on it. No datum before the first full reconcile: nothing is proven yet. A failed read is
 * logged, never failing the run whose work is done.
 */
export async function addWatermarkAge(runtime: Runtime): Promise<void> {
  try {
    const watermark = await watermarkOf(runtime);
    if (watermark.ageMs !== null)
      metrics.addMetric('WatermarkAgeSeconds', MetricUnit.Seconds, Math.round(watermark.ageMs / 1000));
    logger.info('watermark', { ...watermark });
  } catch (error) {
    logger.warn('watermark not read', { error: (error as Error).message });
  }
}
