'use client';
/**
 * tRPC + TanStack Query for the browser. The UI imports the server only as a type (AppRouter).
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, httpLink, splitLink, TRPCClientError } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useState, type ReactNode } from 'react';
import type { AppRouter } from '@/server/root';
import { TRPC_URL } from './preloaded';
import { MAX_BATCH_CALLS, UNBATCHED_PROCEDURES } from './unbatched';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export interface ProblemItem {
  path: string;
  message: string;
}

/** The problems (path + message) a refused call carries, if any. */
export function problemsOfError(error: unknown): ProblemItem[] | undefined {
  if (error instanceof TRPCClientError) {
    const data = error.data as { problems?: ProblemItem[] } | undefined;
    return data?.problems;
  }
  return undefined;
}

/** The browser's tRPC client: calls batched, except those sent alone (unbatched.ts). */
export function createBrowserClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => UNBATCHED_PROCEDURES.has(op.path),
        true: httpLink({ url: TRPC_URL }),
        false: httpBatchLink({ url: TRPC_URL, maxURLLength: 4000, maxItems: MAX_BATCH_CALLS }),
      }),
    ],
  });
}

export function TrpcProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } }),
  );
  const [trpcClient] = useState(createBrowserClient);
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
