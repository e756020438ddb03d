'use client';
/**
 * The state of one component's "Attach measured load…": reads a file in the metrics worker, shows
 * its classification, re-classifies when the unit, the window or the scaling changes, and writes the
 * chosen workload to the design through the editor store as one undoable edit. A file that fails
 * writes nothing; a window or scaling the worker refuses is said beside the controls, and the last
 * good reading stays.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Component, Problem } from '@/core/model';
import { updateComponent } from '@/core/edit';
import { fittedWorkload, measuredWorkload, withoutTrace, SERIES_LIMITS } from '@/core/measure';
import { useEditorStore } from '@/components/editor/editor-context';
import type { MeasuredOptions, MetricsReading, MetricsRequest, MetricsResponse } from './metrics-protocol';

/** Omit over each member of a union (the built-in Omit would merge them). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'failed'; fileName: string; problems: Problem[] }
  | { step: 'ready'; fileName: string; reading: MetricsReading; busy: boolean; refused: Problem[] };

export function useMetricsImport(componentId: string) {
  const store = useEditorStore();
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const worker = useRef<Worker | null>(null);
  const lastId = useRef(0);
  const pending = useRef(new Map<number, (response: MetricsResponse | null) => void>());

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  /** Sends a request; resolves with its answer, or with null when a newer request superseded it. */
  const ask = useCallback((request: WithoutId<MetricsRequest>): Promise<MetricsResponse | null> => {
    if (!worker.current) {
      const w = new Worker(new URL('./metrics-worker.ts', import.meta.url), {
        type: 'module',
        name: 'tidemark-metrics',
      });
      w.onmessage = (event: MessageEvent<MetricsResponse>) => {
        const resolve = pending.current.get(event.data.id);
        pending.current.delete(event.data.id);
        resolve?.(event.data.id === lastId.current ? event.data : null);
      };
      worker.current = w;
    }
    const id = ++lastId.current;
    return new Promise((resolve) => {
      pending.current.set(id, resolve);
      worker.current?.postMessage({ ...request, id });
    });
  }, []);

  const show = useCallback((fileName: string, response: MetricsResponse | null) => {
    if (!response) return;
    if (response.type === 'failed') {
      // A refused window or scale keeps the reading on screen; a file that cannot be read does not.
      setState((s) =>
        s.step === 'ready'
          ? { ...s, busy: false, refused: response.problems }
          : { step: 'failed', fileName, problems: response.problems },
      );
    } else if (response.type === 'classified') {
      const { type: _type, id: _id, ...reading } = response;
      setState({ step: 'ready', fileName, reading, busy: false, refused: [] });
    }
  }, []);

  const readFile = useCallback(
    async (file: File) => {
      if (file.size > SERIES_LIMITS.maxChars) {
        const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
        lastId.current++; // any answer still on its way is stale now
        setState({
          step: 'failed',
          fileName: file.name,
          problems: [
            {
              path: '',
              message: `${mb(file.size)} MB is more than the ${mb(SERIES_LIMITS.maxChars)} MB a series may have`,
            },
          ],
        });
        return;
      }
      setState({ step: 'reading', fileName: file.name });
      const horizonHours = store.getState().design.simulation.days * 24;
      show(file.name, await ask({ type: 'read', file, key: componentId, horizonHours }));
    },
    [ask, show, componentId, store],
  );

  /** The options the current reading was made with. */
  const optionsOf = (reading: MetricsReading): MeasuredOptions => ({
    per: reading.per,
    window: reading.window,
    scaling: reading.scaling,
  });

  /** Re-classifies under other options (unit, window, scaling), keeping the rest. */
  const setOptions = useCallback(
    async (change: Partial<MeasuredOptions>) => {
      if (state.step !== 'ready') return;
      setState({ ...state, busy: true });
      // A new unit changes what a window's default would be: keep the window chosen, unless asked otherwise.
      const options = { ...optionsOf(state.reading), ...change };
      show(state.fileName, await ask({ type: 'classify', options, key: componentId }));
    },
    [state, ask, show, componentId],
  );

  /** Writes the component's next workload as one undoable edit; skips it if the component is gone. */
  const write = useCallback(
    (next: (c: Component) => Component) => {
      const { design, setDesign } = store.getState();
      const current = design.components.find((c) => c.id === componentId);
      if (current) setDesign(updateComponent(design, componentId, next(current)));
    },
    [store, componentId],
  );

  const acceptFitted = useCallback(() => {
    if (state.step !== 'ready') return;
    write((c) => ({ ...c, workload: fittedWorkload(state.reading.classification) }));
    setState({ step: 'idle' });
  }, [state, write]);

  const acceptMeasured = useCallback(async () => {
    if (state.step !== 'ready') return;
    const { classification } = state.reading;
    setState({ ...state, busy: true });
    const response = await ask({ type: 'trace', options: optionsOf(state.reading) });
    if (!response) return;
    if (response.type !== 'trace') return show(state.fileName, response);
    write((c) => ({ ...c, workload: measuredWorkload(classification, response.trace) }));
    setState({ step: 'idle' });
  }, [state, ask, show, write]);

  const cancel = useCallback(() => {
    lastId.current++;
    setState({ step: 'idle' });
  }, []);

  const removeTrace = useCallback(
    () => write((c) => (c.workload ? { ...c, workload: withoutTrace(c.workload) } : c)),
    [write],
  );

  return { state, readFile, setOptions, acceptFitted, acceptMeasured, cancel, removeTrace };
}
