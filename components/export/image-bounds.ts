/**
 * Where the exported image begins and ends, without a browser: the boxes of everything drawn (nodes,
 * edge paths, edge labels, wiring chips) taken into flow coordinates, their union padded, and the PNG
 * pixel ratio that keeps the longest side within what a canvas can hold.
 */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What drawnBoxes reads of an element: its box on screen (a DOMRect has all of these). */
export interface Drawn {
  getBoundingClientRect(): { left: number; top: number; right: number; bottom: number; width: number; height: number };
}

export const IMAGE_PADDING = 48;
/** Longest side of the PNG in device pixels; beyond it the pixel ratio goes down (canvas limits). */
export const MAX_PNG_SIDE = 8192;

/** The union of the boxes, in flow coordinates, grown by `padding` on every side. */
export function paddedUnion(boxes: readonly Box[], padding: number): Box | null {
  if (boxes.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return {
    x: Math.floor(x0 - padding),
    y: Math.floor(y0 - padding),
    width: Math.ceil(x1 - x0 + 2 * padding),
    height: Math.ceil(y1 - y0 + 2 * padding),
  };
}

/** Each drawn element's screen box in flow coordinates; elements with no size (hidden) are left out. */
export function drawnBoxes(
  elements: Iterable<Drawn>,
  toFlow: (screen: { x: number; y: number }) => { x: number; y: number },
): Box[] {
  const boxes: Box[] = [];
  for (const el of elements) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const a = toFlow({ x: r.left, y: r.top });
    const b = toFlow({ x: r.right, y: r.bottom });
    boxes.push({ x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y });
  }
  return boxes;
}

/** Device pixels per CSS pixel for a PNG of `bounds`: 2 when it fits, less for huge designs, never below 0.25. */
export function pngPixelRatio(bounds: Box): number {
  return Math.max(0.25, Math.min(2, MAX_PNG_SIDE / Math.max(bounds.width, bounds.height)));
}
