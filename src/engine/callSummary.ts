import type { ApiCallCounter } from '../aws/callCounter.ts';
import type { ApiCallSummary } from './syncReport.ts';

/** A side's API calls as a report shows them: all of them, or those made since `since`. */
export function callSummary(counter: ApiCallCounter, since?: ApiCallSummary): ApiCallSummary {
  const byOperation = counter.byOperation();
  if (since)
    for (const [op, n] of Object.entries(since.byOperation)) byOperation[op] = (byOperation[op] ?? 0) - n;
  return {
    total: counter.total() - (since?.total ?? 0),
    reads: counter.reads() - (since?.reads ?? 0),
    writes: counter.writes() - (since?.writes ?? 0),
    byOperation: Object.fromEntries(Object.entries(byOperation).filter(([, n]) => n > 0)),
  };
}
