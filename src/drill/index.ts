/** The disaster-recovery drill: what the CLI and the Lambda handler call. */

export { type DrillOptions, runDrill } from './runDrill.ts';
export { renderDrillSummary } from './summary.ts';
export { drillExitCode, drillVerdict } from './verdict.ts';
