import type { BenchContext } from '../harness.ts';
import { pendingResult, type ScenarioResult } from '../result.ts';
import type { Scenario } from './scenario.ts';

function missingRealtime(ctx: BenchContext, scenario: Scenario): ScenarioResult | undefined {
  if (ctx.useCases.collectOnce && ctx.useCases.replayOnce) return undefined;
  return pendingResult(
    scenario.name,
    scenario.description,
    'collectOnce/replayOnce have not landed in main yet',
  );
}

export const realtimeOneTable: Scenario = {
  name: 'realtime-one-table',
  description: 'one table changed; calls from the collector seeing the event to the target being updated',
  async run(ctx) {
    return missingRealtime(ctx, this) ?? pendingResult(this.name, this.description, 'not wired yet');
  },
};

export const realtimeBurst: Scenario = {
  name: 'realtime-burst-1000',
  description: '1,000 source changes through the Glue API, collected and replayed until drained',
  async run(ctx) {
    return missingRealtime(ctx, this) ?? pendingResult(this.name, this.description, 'not wired yet');
  },
};
