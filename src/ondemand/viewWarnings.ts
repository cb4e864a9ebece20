import type { Output } from '../engine/output.ts';
import type { PlanOptions } from '../plan/plan.ts';

/**
 * Plan options that warn, once per view, of a view reading tables outside the filters: the view is still
 * replicated, but it works in the target only if those tables are there too (replicate them, or accept it).
 */
export function warnOfViewsOutsideFilter(plan: PlanOptions, output: Output, region: string): PlanOptions {
  const seen = new Set<string>();
  const warn = ({ key, tables }: { key: string; tables: string[] }) => {
    if (seen.has(key)) return;
    seen.add(key);
    output.warn(
      'plan.viewOutsideFilter',
      `${region}: view ${key} reads ${tables.join(', ')}, outside the filters; the view is replicated, ` +
        'but it works in the target only if those tables are there (widen the filters, or replicate them otherwise)',
    );
  };
  return { ...plan, onViewOutsideFilter: warn };
}
