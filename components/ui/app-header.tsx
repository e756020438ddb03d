import Link from 'next/link';
import type { ReactNode } from 'react';

export function AppHeader({ children }: { children?: ReactNode }) {
  return (
    <header className="app-header">
      <Link href="/" className="brand" aria-label="Tidemark, all designs">
        <svg width="22" height="22" viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M2 15c3 0 3-2 6-2s3 2 6 2 3-2 6-2 2 1 2 1v3s-1-1-2-1c-3 0-3 2-6 2s-3-2-6-2-3 2-6 2z"
            fill="currentColor"
          />
          <path d="M12 3v8M8 7l4-4 4 4" stroke="currentColor" strokeWidth="2" fill="none" strokeLinecap="round" />
        </svg>
        Tidemark
      </Link>
      <div className="app-header-actions">{children}</div>
    </header>
  );
}
