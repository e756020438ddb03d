'use client';
/**
 * Runs the autosaver for the open design. Before the page unloads, fields still being typed in are
 * committed and the change is sent with keepalive; if it cannot be (too large, in conflict, invalid),
 * the browser asks before leaving.
 */
import { useEffect, useState } from 'react';
import { useTRPCClient } from '@/components/trpc/client';
import { createAutosaver, type Autosaver, type SaveInput } from './autosaver';
import { useEditorStore } from './editor-context';

/** A save that outlives the page: a plain fetch with keepalive, read as the tRPC client would read it. */
async function saveWithKeepalive(input: SaveInput): Promise<{ revision: number }> {
  const res = await fetch('/api/trpc/designs.save', {
    method: 'POST',
    keepalive: true,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as {
    result?: { data: { revision: number } };
    error?: { message: string; data?: unknown };
  };
  if (body.result) return body.result.data;
  throw Object.assign(new Error(body.error?.message ?? `The save failed (${res.status}).`), { data: body.error?.data });
}

export function useAutosave(designId: string): Autosaver {
  const store = useEditorStore();
  const client = useTRPCClient();
  const [autosaver] = useState(() =>
    createAutosaver(store, designId, (input, { keepalive }) =>
      keepalive ? saveWithKeepalive(input) : client.designs.save.mutate(input),
    ),
  );
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      store.getState().flushDrafts();
      if (autosaver.flushOnUnload()) return;
      e.preventDefault();
      // Older browsers ask only when returnValue is set as well.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const stop = autosaver.start();
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      stop();
    };
  }, [store, autosaver]);
  return autosaver;
}
