import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { ONDEMAND_CLIENTS } from '../aws/clients/ondemandClients.ts';
import { deployedRuntime, logger, metrics } from './handlerSupport.ts';
import { runVerify } from './useCases.ts';

/** The CLI's `verify`: drift of each target against the live source. Invoke with `{ "targets"?: [...] }`. */
export async function handler(event: { targets?: string[] } = {}) {
  const result = await runVerify(
    await deployedRuntime(ONDEMAND_CLIENTS),
    event.targets ? { targets: event.targets } : {},
  );
  metrics.addMetric('TargetsDrifted', MetricUnit.Count, result.reports.filter((r) => !r.inSync).length);
  metrics.publishStoredMetrics();
  logger.info('verify', { inSync: result.inSync });
  return result;
}
