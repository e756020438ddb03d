/**
 * Decisions of the editor's plan runner that need no browser: which edits call for a new simulation
 * (moving nodes does not), and how an invalid design is reported in the results panel.
 */
import type { Design } from '../model/design';
import { formatProblems } from '../model/problems';
import type { Problem } from '../model/validate';

/** Whether `next` can plan differently from `prev`: any change but the layout (node positions). */
export function changesPlan(prev: Design, next: Design): boolean {
  if (prev === next) return false;
  for (const key of Object.keys({ ...prev, ...next }) as (keyof Design)[]) {
    if (key !== 'layout' && prev[key] !== next[key]) return true;
  }
  return false;
}

/**
 * "The design has 2 problems; the results shown are from before." (or what else follows from them),
 * then one `path: message` line per problem, at most `max` of them.
 */
export function describeProblems(
  problems: readonly Problem[],
  max = 8,
  consequence = 'the results shown are from before',
): string {
  const shown = problems.slice(0, max);
  const more = problems.length - shown.length;
  const head = `The design has ${problems.length} problem${problems.length === 1 ? '' : 's'}; ${consequence}.`;
  return [head, formatProblems(shown), ...(more > 0 ? [`…and ${more} more`] : [])].join('\n');
}
