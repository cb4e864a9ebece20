import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/** Structured JSON logs (service `lakemirror`, from POWERTOOLS_SERVICE_NAME). */
export const logger = new Logger();
/** EMF metrics in namespace `lakemirror` (POWERTOOLS_METRICS_NAMESPACE). */
export const metrics = new Metrics({ namespace: 'lakemirror' });
