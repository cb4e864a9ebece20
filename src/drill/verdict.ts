import type { DriftReport, DrillCheck, RpoResult, RtoResult, Status } from '../report/reportTypes.ts';

/** Pass iff every target is in sync, RPO and RTO are within their limits, and no check failed. */
export function drillVerdict(parts: {
  targets: readonly DriftReport[];
  rpo: RpoResult;
  rto: RtoResult;
  checks: readonly DrillCheck[];
}): Status {
  const ok =
    parts.targets.every((t) => t.inSync) &&
    parts.rpo.status === 'pass' &&
    parts.rto.status === 'pass' &&
    parts.checks.every((c) => c.status !== 'fail');
  return ok ? 'pass' : 'fail';
}

/** CLI exit code of a drill: 0 pass, 2 fail (errors, exit 1, never produce a report). */
export function drillExitCode(verdict: Status): number {
  return verdict === 'pass' ? 0 : 2;
}
