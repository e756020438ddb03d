/**
 * "← Designs": the way back to the designs list from a page about one design (the editor, the
 * comparison), the same words and look on each. Its accessible name starts with the word it shows, so
 * that a voice-control user who says "click Designs" reaches it (WCAG 2.5.3; it was "Tidemark, all
 * designs").
 */
import Link from 'next/link';
import type { MouseEventHandler } from 'react';

export function DesignsLink({ onClick }: { onClick?: MouseEventHandler<HTMLAnchorElement> }) {
  return (
    <Link href="/" className="brand back-link" aria-label="Designs: back to all designs" onClick={onClick}>
      ← Designs
    </Link>
  );
}
