'use client';
/** Runs the autosaver for the open design, and asks before leaving with changes not yet saved. */
import { useEffect, useState } from 'react';
import { useTRPCClient } from '@/components/trpc/client';
import { createAutosaver, type Autosaver } from './autosaver';
import { useEditorStore } from './editor-context';

export function useAutosave(designId: string): Autosaver {
  const store = useEditorStore();
  const client = useTRPCClient();
  const [autosaver] = useState(() => createAutosaver(store, designId, (input) => client.designs.save.mutate(input)));
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (store.getState().status !== 'saved') e.preventDefault();
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
