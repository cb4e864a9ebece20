import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { createAwsClients } from '../aws/clientFactory.ts';
import { lambda } from '../aws/clients/lambda.ts';
import { REALTIME_CLIENTS } from '../aws/clients/realtimeClients.ts';
import { invoke } from '../aws/commands/lambda.ts';
import { functionRegion } from './functionRegion.ts';
import { deployedRuntime, logger, metrics } from './handlerSupport.ts';
import { stagePushBatch } from './realtimeUseCases.ts';

interface SqsRecord {
  messageId: string;
  receiptHandle: string;
  body: string;
  attributes?: { ApproximateReceiveCount?: string };
}

/** Built on first use: a batch that stages nothing never needs it. */
let lambdaClient: LambdaClient | undefined;
const functions = () => {
  lambdaClient ??= createAwsClients({ region: functionRegion() }, { lambda }).lambda;
  return lambdaClient;
};

/**
 * Push capture: the SQS event source hands a batch of EventBridge events; they are staged with the lookup's
 * parser and conditional put. Poison messages and failed writes are returned as batch item failures, so
 * SQS redelivers only those (and moves poison to the dead-letter queue after maxReceiveCount). When
 * anything was staged, the replayer is invoked at once (async; its reserved concurrency of 1 keeps one
 * replayer at a time, Lambda queues the rest).
 */
export async function handler(event: { Records?: SqsRecord[] }) {
  const messages = (event.Records ?? []).map((r) => ({
    messageId: r.messageId,
    receiptHandle: r.receiptHandle,
    body: r.body,
    receiveCount: Number(r.attributes?.ApproximateReceiveCount ?? 1),
  }));
  const report = await stagePushBatch(await deployedRuntime(REALTIME_CLIENTS), messages);
  metrics.addMetric('EventsPushed', MetricUnit.Count, report.staged);
  metrics.addMetric('PoisonMessages', MetricUnit.Count, report.poison.length);
  metrics.publishStoredMetrics();
  for (const poison of report.poison) logger.warn('poison message', { ...poison });
  if (report.staged > 0 && process.env.REPLAYER_FUNCTION) {
    await invoke(functions(), {
      FunctionName: process.env.REPLAYER_FUNCTION,
      InvocationType: 'Event',
    });
  }
  logger.info('staged', { staged: report.staged, duplicates: report.duplicates, rejected: report.rejected });
  const failures = [...report.poison.map((p) => p.messageId), ...report.failed.map((m) => m.messageId)];
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
}
