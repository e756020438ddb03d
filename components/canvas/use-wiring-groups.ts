'use client';
/**
 * The wiring chips' groups for the canvas, computed by the wiring worker (wiring-worker.ts) so that
 * no plan update and no move groups and places them on the page's thread: the page posts what changed
 * and draws what comes back, a few milliseconds later (until then, the groups it drew before). Where
 * no Worker exists (a test's DOM) or it fails, they are grouped here instead, as the canvas did before.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Design, WiringElement } from '@/core/model';
import type { Point } from '@/core/edit';
import { groupWiring, type WiringGroup } from './wiring-groups';
import { createWiringReceiver, createWiringRequester, type WiringInput, type WiringResponse } from './wiring-protocol';

const NONE: WiringGroup[] = [];
const hasWorker = typeof Worker !== 'undefined';

export function useWiringGroups(
  design: Design,
  wiring: readonly WiringElement[] | null,
  override: ReadonlyMap<string, Point> | null,
  /**
   * False: group them here. The share page's read-only canvas does, as it starts no worker at all (its
   * plan comes from the server and it is never edited: the chips are grouped once, and per lanes view).
   */
  offThread = true,
): WiringGroup[] {
  const [groups, setGroups] = useState<WiringGroup[]>(NONE);
  // A worker that cannot start (or dies): the chips are grouped here, as without one.
  const [hasFailed, setFailed] = useState(false);
  const send = useRef<((input: WiringInput) => void) | null>(null);

  const inWorker = hasWorker && offThread;
  useEffect(() => {
    if (!inWorker) return;
    const worker = new Worker(new URL('./wiring-worker.ts', import.meta.url), {
      type: 'module',
      name: 'tidemark-wiring',
    });
    // One requester and one receiver per worker: each side's memory of what the other holds.
    const request = createWiringRequester();
    const receive = createWiringReceiver();
    worker.onmessage = (event: MessageEvent<WiringResponse>) => setGroups(receive(event.data));
    worker.onerror = (event) => {
      event.preventDefault();
      send.current = null;
      setFailed(true);
    };
    send.current = (input) => worker.postMessage(request(input));
    return () => {
      send.current = null;
      worker.terminate();
    };
  }, [inWorker]);

  // Declared after the worker's effect, so it runs after it (on mount, and again in Strict Mode).
  useEffect(() => {
    if (wiring) send.current?.({ design, wiring, override });
  }, [design, wiring, override]);

  const here = useMemo(
    () => ((inWorker && !hasFailed) || !wiring ? null : groupWiring(design, wiring, override)),
    [design, wiring, override, inWorker, hasFailed],
  );
  if (!wiring) return NONE;
  return here ?? groups;
}
