/**
 * The canvas as an image (React Flow's image-export recipe, with its known traps handled): the
 * `.react-flow__viewport` element is rendered by html-to-image at zoom 1 with an explicit size and
 * transform, so nothing outside the screen is clipped.
 * - Bounds are measured over everything drawn in the viewport — nodes, edge paths (a bezier bulges
 *   past its nodes), edge labels and the wiring chips of the ViewportPortal — not over nodes alone,
 *   then padded.
 * - The view is put at zoom 1 while rendering: below 0.35 the canvas draws compact nodes without
 *   labels and no edge labels (semantic zoom), which must not end up in the file.
 * - html-to-image inlines computed styles, so the CSS variables of the theme arrive resolved — but
 *   it copies an <svg> deep without styling its children, so edge paths (stroked only by CSS) would
 *   vanish and labels turn black. Their painting properties are written inline for the capture and
 *   put back afterwards. The background colour is read from the canvas. The minimap, controls and
 *   panels sit outside the viewport and are filtered out all the same.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { toPng, toSvg } from 'html-to-image';

export type ImageFormat = 'png' | 'svg';
type Options = NonNullable<Parameters<typeof toPng>[1]>;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const IMAGE_PADDING = 48;
/** Longest side of the PNG in device pixels; beyond it the pixel ratio goes down (canvas limits). */
const MAX_PNG_SIDE = 8192;
const DRAWN = '.react-flow__node, .react-flow__edge path, .react-flow__edge text, .tm-wiring';
const LEFT_OUT = ['react-flow__minimap', 'react-flow__controls', 'react-flow__panel', 'react-flow__attribution'];

const SVG_PAINT = [
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linejoin',
  'stroke-linecap',
  'fill',
  'fill-opacity',
  'opacity',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'visibility',
] as const;

/** Writes the computed paint of every element inside an <svg> as its inline style; returns the undo. */
function inlineSvgPaint(root: Element): () => void {
  const saved: [Element, string | null][] = [];
  for (const el of root.querySelectorAll<SVGElement>('svg *')) {
    if (el.closest('defs')) continue;
    const computed = getComputedStyle(el);
    saved.push([el, el.getAttribute('style')]);
    for (const prop of SVG_PAINT) el.style.setProperty(prop, computed.getPropertyValue(prop));
  }
  return () => {
    for (const [el, style] of saved) {
      if (style === null) el.removeAttribute('style');
      else el.setAttribute('style', style);
    }
  };
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

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

function drawnBoxes(viewport: HTMLElement, flow: ReactFlowInstance): Box[] {
  const boxes: Box[] = [];
  for (const el of viewport.querySelectorAll<Element>(DRAWN)) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const a = flow.screenToFlowPosition({ x: r.left, y: r.top }, { snapToGrid: false });
    const b = flow.screenToFlowPosition({ x: r.right, y: r.bottom }, { snapToGrid: false });
    boxes.push({ x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y });
  }
  return boxes;
}

/** Renders the whole design (not just what is on screen) as a PNG or SVG Blob. */
export async function renderCanvasImage(
  canvas: HTMLElement,
  flow: ReactFlowInstance,
  format: ImageFormat,
): Promise<Blob> {
  const viewport = canvas.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport) throw new Error('The canvas is not on the page.');
  const before = flow.getViewport();
  try {
    if (before.zoom !== 1) {
      await flow.setViewport({ x: before.x, y: before.y, zoom: 1 });
      await nextFrame();
      await nextFrame();
    }
    const bounds = paddedUnion(drawnBoxes(viewport, flow), IMAGE_PADDING);
    if (!bounds) throw new Error('The canvas is empty.');
    const background = getComputedStyle(canvas.querySelector('.react-flow') ?? canvas).backgroundColor;
    const options: Options = {
      width: bounds.width,
      height: bounds.height,
      backgroundColor: background && background !== 'rgba(0, 0, 0, 0)' ? background : '#ffffff',
      style: {
        width: `${bounds.width}px`,
        height: `${bounds.height}px`,
        transform: `translate(${-bounds.x}px, ${-bounds.y}px) scale(1)`,
      },
      filter: (node: HTMLElement) => !(node.classList && LEFT_OUT.some((c) => node.classList.contains(c))),
    };
    const restorePaint = inlineSvgPaint(viewport);
    try {
      return await capture(viewport, bounds, format, options);
    } finally {
      restorePaint();
    }
  } finally {
    if (before.zoom !== 1) await flow.setViewport(before);
  }
}

async function capture(viewport: HTMLElement, bounds: Box, format: ImageFormat, options: Options): Promise<Blob> {
  if (format === 'svg') {
    const url = await toSvg(viewport, options);
    const text = decodeURIComponent(url.slice(url.indexOf(',') + 1));
    return new Blob([text], { type: 'image/svg+xml' });
  }
  const pixelRatio = Math.max(0.25, Math.min(2, MAX_PNG_SIDE / Math.max(bounds.width, bounds.height)));
  const url = await toPng(viewport, { ...options, pixelRatio });
  const bytes = Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (ch) => ch.charCodeAt(0));
  return new Blob([bytes], { type: 'image/png' });
}
