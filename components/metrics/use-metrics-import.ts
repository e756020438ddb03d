'use client';
/**
 * The state of one component's "Attach measured load…": reads a file in the metrics worker, shows
 * its classification, re-classifies when the unit, the window or the scaling changes, and writes the
 * chosen workload to the design through the editor store as one undoable edit. A file that fails
 * writes nothing; a window or scaling the worker refuses is said beside the controls, and the last
 * good reading stays.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { formatProblems, validateDesign, type Component, type Problem } from '@/core/model';
import { updateComponent } from '@/core/edit';
import { fittedWorkloadFor, measuredWorkload, withoutTrace, SERIES_LIMITS } from '@/core/measure';
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
      // A reader that fails to start or dies (a script error, out of memory on a huge file) answers
      // nothing: every request still waiting is told so, and the next one starts a fresh reader.
      const fail = (why: string) => {
        w.terminate();
        if (worker.current === w) worker.current = null;
        const waiting = [...pending.current.entries()];
        pending.current.clear();
        for (const [id, resolve] of waiting)
          resolve(
            id === lastId.current
              ? {
                  type: 'failed',
                  id,
                  problems: [
                    {
                      path: '',
                      message: `The file could not be read: the reader stopped (${why}). Nothing was attached; try again.`,
                    },
                  ],
                }
              : null,
          );
      };
      w.onerror = (event) => {
        event.preventDefault();
        fail(event.message || 'it failed to start');
      };
      w.onmessageerror = () => fail('its answer could not be read');
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

  /**
   * Writes the component's next workload as one undoable edit, only if the whole design stays one the
   * schema accepts: a value refused here would otherwise stop every later save. Returns the problems
   * when it refused (nothing written), null otherwise; skips the edit if the component is gone.
   */
  const write = useCallback(
    (next: (c: Component) => Component, note?: string): Problem[] | null => {
      const { design, setDesign, setNotice } = store.getState();
      const current = design.components.find((c) => c.id === componentId);
      if (!current) return null;
      const candidate = updateComponent(design, componentId, next(current));
      const checked = validateDesign(candidate);
      if (!checked.ok) return checked.problems;
      setDesign(candidate);
      if (note) setNotice(note);
      return null;
    },
    [store, componentId],
  );

  /** After a write: the panel closes, or shows why the value was refused (nothing was written). */
  const settle = useCallback((fileName: string, refused: Problem[] | null) => {
    setState(
      refused
        ? { step: 'failed', fileName, problems: refused.map((p) => ({ ...p, message: `not applied: ${p.message}` })) }
        : { step: 'idle' },
    );
  }, []);

  const acceptFitted = useCallback(() => {
    if (state.step !== 'ready') return;
    const horizonHours = store.getState().design.simulation.days * 24;
    const { workload, note } = fittedWorkloadFor(state.reading.classification, horizonHours);
    settle(
      state.fileName,
      write((c) => ({ ...c, workload }), note),
    );
  }, [state, store, write, settle]);

  const acceptMeasured = useCallback(async () => {
    if (state.step !== 'ready') return;
    const { classification } = state.reading;
    setState({ ...state, busy: true });
    const response = await ask({ type: 'trace', options: optionsOf(state.reading) });
    if (!response) return;
    if (response.type !== 'trace') return show(state.fileName, response);
    settle(
      state.fileName,
      write((c) => ({ ...c, workload: measuredWorkload(classification, response.trace) })),
    );
  }, [state, ask, show, write, settle]);

  const cancel = useCallback(() => {
    lastId.current++;
    setState({ step: 'idle' });
  }, []);

  const removeTrace = useCallback(() => {
    const refused = write((c) => (c.workload ? { ...c, workload: withoutTrace(c.workload) } : c));
    if (refused) store.getState().setNotice(`Not removed: ${formatProblems(refused.slice(0, 2))}`);
  }, [write, store]);

  return { state, readFile, setOptions, acceptFitted, acceptMeasured, cancel, removeTrace };
}
