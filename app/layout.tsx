import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { TrpcProviders } from '@/components/trpc/client';
import './globals.css';

export const metadata: Metadata = {
  title: 'Tidemark',
  description: 'Decide where each part of an application should run.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: its scripts carry that request's CSP nonce (proxy.ts), and
  // password mode is read at run time, not baked in at build time.
  await connection();
  return (
    <html lang="en">
      <body>
        <TrpcProviders>{children}</TrpcProviders>
      </body>
    </html>
  );
}
