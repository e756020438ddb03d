/**
 * /s/[token]: a read-only share link. The page resolves the token on the server from the link and the
 * revision's summary alone (recording the view at most once a minute) and renders a small shell;
 * the document itself comes from ./document, served from the share cache, so a view costs a lookup
 * rather than a parse and a render of the whole design, and its plan from ./plan, computed once on the
 * server (server/plans/), so a viewer's browser never re-simulates it. Unknown, revoked, expired and malformed
 * tokens all end in the same plain 404. Only the document reaches the browser, never the design's
 * id. Views per address are limited in proxy.ts; Referrer-Policy: no-referrer and X-Robots-Tag:
 * noindex come from next.config.js.
 */
import type { Metadata } from 'next';
import { SharedDesignLoader } from '@/components/share/shared-design-loader';
import { resolveSharePage as resolveShare } from '../_components/resolve-share';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ token: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const shared = await resolveShare((await params).token);
  return {
    title: `${shared.name} · shared read-only · Tidemark`,
    robots: { index: false, follow: false },
    referrer: 'no-referrer',
  };
}

export default async function SharePage({ params }: Props) {
  const { token } = await params;
  const shared = await resolveShare(token);
  return (
    <SharedDesignLoader
      documentPath={`/s/${encodeURIComponent(token)}/document?revision=${shared.revision}`}
      planPath={`/s/${encodeURIComponent(token)}/plan?revision=${shared.revision}`}
      name={shared.name}
      revision={shared.revision}
      following={shared.following}
    />
  );
}
