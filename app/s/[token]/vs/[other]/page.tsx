/**
 * /s/[token]/vs/[other]: two share links shown as one read-only comparison (issue 16). The address
 * is made of two ordinary share tokens, so a comparison needs no secret of its own: each token is
 * resolved exactly as /s/[token] resolves it (recording a view on each link), and if either is
 * unknown, revoked or expired the whole page is the same plain 404. Each document then comes from its
 * own link's cached document route, and each plan from the plan the server stored for the link (so the
 * reviewer's browser runs no engine). Referrer-Policy: no-referrer and X-Robots-Tag: noindex cover
 * /s/* (next.config.js); views per address are limited in proxy.ts.
 */
import type { Metadata } from 'next';
import { SharedComparisonLoader } from '@/components/share/shared-comparison-loader';
import { resolveSharePage as resolveShare } from '../../../_components/resolve-share';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ token: string; other: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token, other } = await params;
  const [a, b] = await Promise.all([resolveShare(token), resolveShare(other)]);
  return {
    title: `${a.name} vs ${b.name} · shared read-only · Tidemark`,
    robots: { index: false, follow: false },
    referrer: 'no-referrer',
  };
}

export default async function SharedComparisonPage({ params }: Props) {
  const { token, other } = await params;
  const side = async (t: string) => {
    const shared = await resolveShare(t);
    return {
      documentPath: `/s/${encodeURIComponent(t)}/document?revision=${shared.revision}`,
      planPath: `/s/${encodeURIComponent(t)}/plan?revision=${shared.revision}`,
      name: shared.name,
      revision: shared.revision,
    };
  };
  const [before, after] = await Promise.all([side(token), side(other)]);
  return <SharedComparisonLoader before={before} after={after} />;
}
