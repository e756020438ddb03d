/**
 * The wiring worker: groups and places the plan's wiring chips (wiring-groups.ts) off the page's
 * thread, answering the canvas (use-wiring-groups.ts) with the groups that changed. Requests that
 * arrive while it works (a quick burst of moves) are answered once, for the latest of them.
 */
import { createWiringPlacer, type WiringRequest, type WiringResponse } from './wiring-protocol';

const scope = self as unknown as {
  postMessage(message: WiringResponse): void;
  onmessage: ((event: MessageEvent<WiringRequest>) => void) | null;
};
const placer = createWiringPlacer();
let isDue = false;

scope.onmessage = (event) => {
  placer.take(event.data);
  if (isDue) return;
  isDue = true;
  // After the messages already queued: each is taken in first, and the groups placed once.
  setTimeout(() => {
    isDue = false;
    const response = placer.place();
    if (response) scope.postMessage(response);
  }, 0);
};
