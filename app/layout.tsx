import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { TrpcProviders } from '@/components/trpc/client';
import './globals.css';

export const metadata: Metadata = {
  title: 'Tidemark',
  description: 'Decide where each part of an application should run.',
};

/**
 * The theme chosen with the toggle (components/ui/theme-toggle.tsx, kept in localStorage), applied
 * before the first paint on every page: the designs list, the editor, the share page and sign-in,
 * whether or not the page shows the toggle. Inline, under this request's CSP nonce.
 */
const THEME_SCRIPT = `try{var t=localStorage.getItem('tidemark-theme');if(t==='light'||t==='dark')document.documentElement.dataset.theme=t}catch(e){}`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts), and
  // password mode is read at run time, not baked in at build time.
  await connection();
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // The theme script sets data-theme before React hydrates: the server cannot know it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <TrpcProviders>{children}</TrpcProviders>
      </body>
    </html>
  );
}
