import type { Runtime } from '../engine/runtime.ts';
import { LakemirrorError } from '../model/errors.ts';

/**
 * What a source read does with an include filter that matches nothing: a warning naming the filter (the run
 * goes on, "nothing to do" is then expected), or with `--strict` an error before anything is written.
 */
export function unmatchedFilters(runtime: Runtime): {
  onUnmatched: (filter: string, region: string) => void;
} {
  return {
    onUnmatched: (filter, region) => {
      const message = `${filter} matches nothing in the source Region ${region}`;
      if (!runtime.strict) {
        runtime.output.warn(
          'config.filterMatchesNothing',
          `${message}; check the pattern (Glue names are lowercase)`,
        );
        return;
      }
      throw new LakemirrorError({
        code: 'config.filterMatchesNothing',
        source: 'user',
        object: filter,
        message,
        fix: 'fix the pattern (Glue names are lowercase), or run without --strict to accept it',
      });
    },
  };
}
