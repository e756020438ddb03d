/**
 * /compare: two scenarios side by side — two revisions of a design, or two designs — named in the
 * address (components/scenarios/compare-href.ts). An editor page: proxy.ts sends a visitor who may
 * not edit to sign in, and both designs are read through editorProcedure.
 */
import type { Metadata } from 'next';
import { parseCompareParams } from '@/components/scenarios/compare-href';
import { ComparePage } from './_components/compare-page';

export const metadata: Metadata = { title: 'Compare scenarios · Tidemark' };

export default async function Compare({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const parsed = parseCompareParams(await searchParams);
  return parsed.ok ? <ComparePage a={parsed.a} b={parsed.b} /> : <ComparePage problems={parsed.problems} />;
}
