import type { Output } from '../engine/output.ts';
import type { PlanOptions } from '../plan/plan.ts';
import type { UndecidedS3Reference } from '../plan/s3Remap.ts';

/**
 * Plan options that warn, once per record and field, of each mapped source bucket the S3 remap left as it is
 * (inside a longer text, or in a name). Such a reference is reported rather than guessed at; `verify`'s leak
 * check then shows it in the target until the source or the mapping changes.
 */
export function warnOfUndecidedS3(plan: PlanOptions, output: Output, region: string): PlanOptions {
  if (Object.keys(plan.s3Mapping).length === 0) return plan;
  const seen = new Set<string>();
  const warn = (reference: UndecidedS3Reference) => {
    const id = `${reference.kind}|${reference.key}|${reference.field}|${reference.bucket}`;
    if (seen.has(id)) return;
    seen.add(id);
    output.warn(
      'plan.undecidedS3',
      `${region}: ${reference.kind} ${reference.key} field ${reference.field} names source bucket ` +
        `${reference.bucket} ${reference.reason === 'embedded' ? 'inside a longer text' : 'in its name'}; ` +
        's3Mapping does not rewrite it (change it in the source, or accept it in the target)',
    );
  };
  return { ...plan, onUndecidedS3Reference: warn };
}
