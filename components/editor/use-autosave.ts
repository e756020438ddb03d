'use client';
/**
 * Runs the autosaver for the open design. Saves that fit a keepalive request go out as one (a plain
 * fetch), so one under way when the page unloads still arrives; larger ones through the tRPC client.
 * Before the page unloads, fields still being typed in are committed and the change is sent with
 * keepalive; if it cannot be (too large, in conflict, invalid), the browser asks before leaving.
 */
import { useEffect, useState } from 'react';
import { useTRPCClient } from '@/components/trpc/client';
import { createAutosaver, type Autosaver, type SaveInput } from './autosaver';
import { useEditorStore } from './editor-context';

/**
 * A save that outlives the page: a plain fetch with keepalive, read as the tRPC client would read it.
 * An answer that is not tRPC's JSON (a proxy's or the edge's 503) is an error with its HTTP status.
 */
async function saveWithKeepalive(input: SaveInput): Promise<{ revision: number }> {
  const res = await fetch('/api/trpc/designs.save', {
    method: 'POST',
    keepalive: true,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json().catch(() => ({}))) as {
    result?: { data: { revision: number } };
    error?: { message: string; data?: unknown };
  };
  if (body.result) return body.result.data;
  throw Object.assign(new Error(body.error?.message ?? `The server answered ${res.status}.`), {
    data: body.error?.data ?? { httpStatus: res.status },
  });
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
      // A refused value (red in its field) is in no document: the browser asks before it is lost.
      const refused = Object.keys(store.getState().refused).length > 0;
      if (autosaver.flushOnUnload() && !refused) return;
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
