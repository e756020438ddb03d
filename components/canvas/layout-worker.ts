/**
 * The layout worker: runs elkjs's layered layout (elk-graph.ts builds the graph) off the page's
 * thread. elk.bundled.js (≈1.5 MB) loads with the worker, on the first auto-layout.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import { positionsFromElk, type LayoutRequest, type LayoutResponse } from './elk-graph';

const scope = self as unknown as {
  postMessage(message: LayoutResponse): void;
  onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null;
};
const elk = new ELK();

scope.onmessage = (event) => {
  const { id, graph } = event.data;
  elk.layout(graph).then(
    (laid) => scope.postMessage({ id, positions: positionsFromElk(laid) }),
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
};
