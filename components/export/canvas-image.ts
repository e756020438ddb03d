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
import { drawnBoxes, IMAGE_PADDING, paddedUnion, pngPixelRatio, type Box } from './image-bounds';

export type ImageFormat = 'png' | 'svg';
type Options = NonNullable<Parameters<typeof toPng>[1]>;

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
    const toFlow = (p: { x: number; y: number }) => flow.screenToFlowPosition(p, { snapToGrid: false });
    const bounds = paddedUnion(drawnBoxes(viewport.querySelectorAll(DRAWN), toFlow), IMAGE_PADDING);
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
  const pixelRatio = pngPixelRatio(bounds);
  const url = await toPng(viewport, { ...options, pixelRatio });
  const bytes = Uint8Array.from(atob(url.slice(url.indexOf(',') + 1)), (ch) => ch.charCodeAt(0));
  return new Blob([bytes], { type: 'image/png' });
}
