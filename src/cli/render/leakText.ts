import type { LeakItem } from '../../report/reportTypes.ts';

const NAMES = {
  sourceBucket: 'source bucket',
  sourceRegion: 'source Region',
  sourceAccount: 'source account',
};

/** The leak check's section of one target in `verify`'s terminal output; nothing when there is no finding. */
export function renderLeaks(leaks: readonly LeakItem[] | undefined): string[] {
  if (!leaks || leaks.length === 0) return [];
  const lines = [
    `  LEAK CHECK: ${leaks.length} reference${leaks.length === 1 ? '' : 's'} to the source in the target`,
  ];
  for (const leak of leaks.slice(0, 200))
    lines.push(`  ! ${leak.kind} ${leak.key} field ${leak.field}: ${NAMES[leak.names]} (${leak.reference})`);
  if (leaks.length > 200) lines.push(`  … and ${leaks.length - 200} more (see --json)`);
  return lines;
}
