/**
 * "What changed" in one revision against the one before it, from the summaries alone (never the
 * documents), for the revisions list: `renamed from “Shop”; +2 components; −1 connection`.
 */
import type { DocumentSummary } from './prepared-document';

type Counts = Pick<DocumentSummary, 'name' | 'componentCount' | 'connectionCount'>;

const plural = (n: number, one: string) => `${n === 1 ? one : `${one}s`}`;

function delta(before: number, after: number, what: string): string | null {
  const d = after - before;
  if (d === 0) return null;
  return `${d > 0 ? '+' : '−'}${Math.abs(d)} ${plural(Math.abs(d), what)}`;
}

export function describeChanges(before: Counts | undefined, after: Counts): string {
  if (!before) return '';
  const parts = [
    before.name !== after.name ? `renamed from “${before.name}”` : null,
    delta(before.componentCount, after.componentCount, 'component'),
    delta(before.connectionCount, after.connectionCount, 'connection'),
  ].filter((p): p is string => p !== null);
  return parts.join('; ');
}
