import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { TrpcProviders } from '@/components/trpc/client';
import './globals.css';

export const metadata: Metadata = {
  title: 'Tidemark',
  description: 'Decide where each part of an application should run.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <TrpcProviders>{children}</TrpcProviders>
      </body>
    </html>
  );
}
