/**
 * The canvas as a real SVG document: shapes and text (rect, path, text; no <foreignObject>, no CSS
 * variables, no web fonts), so that it renders the same in a browser, in librsvg (rsvg-convert) and
 * in Inkscape, and can be placed in a document. With a title, a line of totals and a legend of the
 * placement colours. Pure: the caller hands in positions, texts and resolved colours (canvas-scene.ts
 * reads them from the page); the PNG export draws this same SVG onto a canvas.
 */
import { PLACEMENTS, PLACEMENT_LABELS, type Placement } from '@/core/model';

export interface SvgPalette {
  bg: string;
  surface: string;
  surface2: string;
  text: string;
  muted: string;
  border: string;
  wiring: string;
  crossing: string;
  place: Record<Placement, string>;
}

export interface SvgNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  name: string;
  /** "Service · periodic" */
  detail: string;
  placement: Placement | null;
  /** "$88.46/mo" */
  cost: string | null;
}

export interface SvgEdge {
  id: string;
  from: { x: number; y: number };
  to: { x: number; y: number };
  async: boolean;
  crossing: boolean;
  label: string;
}

export interface SvgWiring {
  x: number;
  y: number;
  labels: string[];
}

export interface SvgLane {
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
  placement: Placement;
}

export interface SvgScene {
  title: string;
  /** A line under the title: the totals. */
  subtitle: string;
  nodes: SvgNode[];
  edges: SvgEdge[];
  wiring: SvgWiring[];
  lanes: SvgLane[];
  palette: SvgPalette;
}

/** One font that Debian's librsvg and Chromium both have, then the usual fallbacks. */
export const SVG_FONT = "'DejaVu Sans', Verdana, 'Liberation Sans', Arial, sans-serif";
const PADDING = 40;
const HEADER = 92;
/** Line height of the subtitle (the totals) when it takes more than one line. */
const SUBTITLE_LINE = 17;
/** Average advance of DejaVu Sans (a wide face) per em: enough to keep names inside their node. */
const CHAR_EM = 0.62;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Text cut to fit `width` px at `fontSize`, ending in an ellipsis when cut. */
export function fitText(text: string, width: number, fontSize: number): string {
  const max = Math.max(1, Math.floor(width / (fontSize * CHAR_EM)));
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/**
 * Text broken into lines of at most `width` px at `fontSize`: at its ` · ` separators where it can,
 * else between words, a word longer than a line cut (fitText). The totals line was cut off at the
 * image's edge ("all in the data centre $10,384.00 ·…").
 */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const max = Math.max(1, Math.floor(width / (fontSize * CHAR_EM)));
  const pack = (parts: string[], joiner: string): string[] => {
    const lines: string[] = [];
    for (const part of parts) {
      const last = lines[lines.length - 1];
      if (last !== undefined && [...last].length + joiner.length + [...part].length <= max)
        lines[lines.length - 1] = `${last}${joiner}${part}`;
      else lines.push(part);
    }
    return lines;
  };
  return pack(text.split(' · '), ' · ').flatMap((line) =>
    [...line].length <= max ? [line] : pack(line.split(' '), ' ').map((l) => fitText(l, width, fontSize)),
  );
}

const num = (v: number) => String(Math.round(v * 10) / 10);

function text(
  x: number,
  y: number,
  content: string,
  attrs: { size: number; fill: string; weight?: number; anchor?: 'start' | 'middle' | 'end' },
): string {
  return `<text x="${num(x)}" y="${num(y)}" font-size="${attrs.size}"${attrs.weight ? ` font-weight="${attrs.weight}"` : ''}${attrs.anchor && attrs.anchor !== 'start' ? ` text-anchor="${attrs.anchor}"` : ''} fill="${attrs.fill}">${escapeXml(content)}</text>`;
}

/** React Flow's default bezier between a right-hand source and a left-hand target handle. */
export function edgePath(from: { x: number; y: number }, to: { x: number; y: number }): string {
  const dx = to.x >= from.x ? 0.5 * (to.x - from.x) : 0.25 * 25 * Math.sqrt(from.x - to.x);
  return `M${num(from.x)},${num(from.y)} C${num(from.x + dx)},${num(from.y)} ${num(to.x - dx)},${num(to.y)} ${num(to.x)},${num(to.y)}`;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function bounds(scene: SvgScene): Box {
  const box: Box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  const add = (x: number, y: number, w: number, h: number) => {
    box.x0 = Math.min(box.x0, x);
    box.y0 = Math.min(box.y0, y);
    box.x1 = Math.max(box.x1, x + w);
    box.y1 = Math.max(box.y1, y + h);
  };
  for (const n of scene.nodes) add(n.x, n.y - 12, n.width, n.height + 12);
  for (const l of scene.lanes) add(l.x, l.y, l.width, l.height);
  for (const c of scene.wiring.flatMap(wiringChips)) add(c.x, c.y, c.width, CHIP_HEIGHT + 2);
  for (const e of scene.edges) {
    add(
      Math.min(e.from.x, e.to.x),
      Math.min(e.from.y, e.to.y),
      Math.abs(e.to.x - e.from.x),
      Math.abs(e.to.y - e.from.y),
    );
  }
  if (!Number.isFinite(box.x0)) return { x0: 0, y0: 0, x1: 400, y1: 200 };
  return box;
}

/** The editor's group of chips (canvas.css .tm-wiring): up to 320 px wide, a chip a row where they do not fit. */
const WIRING_MAX_WIDTH = 320;
const CHIP_HEIGHT = 22;
const CHIP_GAP = 3;

/** Each label of a wiring group as a chip of its own, laid out as the editor wraps them; cut only past a row. */
function wiringChips(w: SvgWiring): { x: number; y: number; width: number; label: string }[] {
  const chips: { x: number; y: number; width: number; label: string }[] = [];
  let x = 0;
  let y = 0;
  for (const raw of w.labels) {
    const label = fitText(raw, WIRING_MAX_WIDTH - 20, 11);
    const width = [...label].length * 11 * CHAR_EM + 20;
    if (x > 0 && x + width > WIRING_MAX_WIDTH) [x, y] = [0, y + CHIP_HEIGHT + CHIP_GAP];
    chips.push({ x: w.x + x, y: w.y + y, width, label });
    x += width + CHIP_GAP;
  }
  return chips;
}

function legend(palette: SvgPalette, x: number, y: number): string {
  const parts: string[] = [];
  let at = x;
  for (const p of PLACEMENTS) {
    parts.push(`<rect x="${num(at)}" y="${num(y - 10)}" width="12" height="12" rx="3" fill="${palette.place[p]}"/>`);
    parts.push(text(at + 17, y, PLACEMENT_LABELS[p], { size: 12, fill: palette.text }));
    at += 17 + PLACEMENT_LABELS[p].length * 12 * CHAR_EM + 18;
  }
  parts.push(
    `<rect x="${num(at)}" y="${num(y - 10)}" width="22" height="12" rx="6" fill="none" stroke="${palette.wiring}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
  );
  parts.push(text(at + 28, y, 'Inserted wiring', { size: 12, fill: palette.text }));
  at += 28 + 15 * 12 * CHAR_EM + 18;
  parts.push(`<path d="M${num(at)},${num(y - 4)} h26" stroke="${palette.crossing}" stroke-width="2" fill="none"/>`);
  parts.push(text(at + 32, y, 'Crosses data centre ↔ cloud', { size: 12, fill: palette.text }));
  at += 32 + 28 * 12 * CHAR_EM + 18;
  parts.push(
    `<path d="M${num(at)},${num(y - 4)} h26" stroke="${palette.muted}" stroke-width="2" stroke-dasharray="7 5" fill="none"/>`,
  );
  parts.push(text(at + 32, y, 'Async', { size: 12, fill: palette.text }));
  return `<g aria-label="Legend">${parts.join('')}</g>`;
}

/** The legend's width as legend() lays it out, so that the picture is never narrower (it cut "Async" off). */
const LEGEND_WIDTH =
  PLACEMENTS.reduce((w, p) => w + 17 + PLACEMENT_LABELS[p].length * 12 * CHAR_EM + 18, 0) +
  (28 + 15 * 12 * CHAR_EM + 18) +
  (32 + 28 * 12 * CHAR_EM + 18) +
  32 +
  'Async'.length * 12 * CHAR_EM;

function nodeSvg(n: SvgNode, p: SvgPalette): string {
  const colour = n.placement ? p.place[n.placement] : p.muted;
  const inner = n.width - 24;
  return [
    `<g data-id="${escapeXml(n.id)}">`,
    `<rect x="${num(n.x)}" y="${num(n.y)}" width="${num(n.width)}" height="${num(n.height)}" rx="10" fill="${p.surface}" stroke="${p.border}" stroke-width="1.5"/>`,
    `<rect x="${num(n.x)}" y="${num(n.y)}" width="6" height="${num(n.height)}" rx="3" fill="${colour}"/>`,
    text(n.x + 14, n.y + 22, fitText(n.name, inner, 13), { size: 13, weight: 700, fill: p.text }),
    text(n.x + 14, n.y + 41, fitText(n.detail, inner, 11), { size: 11, fill: p.muted }),
    n.placement
      ? text(n.x + 14, n.y + n.height - 12, PLACEMENT_LABELS[n.placement].toUpperCase(), {
          size: 10.5,
          weight: 700,
          fill: colour,
        })
      : '',
    n.cost
      ? text(n.x + n.width - 10, n.y + n.height - 12, n.cost, { size: 11.5, weight: 700, fill: p.text, anchor: 'end' })
      : '',
    '</g>',
  ].join('');
}

export interface SvgDocument {
  /** The SVG document, UTF-8 text. */
  text: string;
  width: number;
  height: number;
}

/** The whole scene as an SVG document. */
export function buildCanvasSvg(scene: SvgScene): SvgDocument {
  const p = scene.palette;
  const box = bounds(scene);
  const width = Math.max(760, Math.ceil(LEGEND_WIDTH + 2 * PADDING), Math.ceil(box.x1 - box.x0 + 2 * PADDING));
  const subtitle = wrapText(scene.subtitle, width - 2 * PADDING, 12.5);
  const header = HEADER + (subtitle.length - 1) * SUBTITLE_LINE;
  const height = Math.ceil(box.y1 - box.y0 + 2 * PADDING + header);
  const dx = PADDING - box.x0;
  const dy = PADDING + header - box.y0;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SVG_FONT}">`,
    `<title>${escapeXml(scene.title)}</title>`,
    `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${p.muted}"/></marker>`,
    `<marker id="arrow-crossing" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${p.crossing}"/></marker></defs>`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="${p.bg}"/>`,
    text(PADDING, 38, fitText(scene.title, width - 2 * PADDING, 20), { size: 20, weight: 700, fill: p.text }),
    ...subtitle.map((line, i) => text(PADDING, 60 + i * SUBTITLE_LINE, line, { size: 12.5, fill: p.muted })),
    legend(p, PADDING, 84 + (subtitle.length - 1) * SUBTITLE_LINE),
    `<g transform="translate(${num(dx)},${num(dy)})">`,
  ];
  for (const l of scene.lanes) {
    const colour = p.place[l.placement];
    out.push(
      `<rect x="${num(l.x)}" y="${num(l.y)}" width="${num(l.width)}" height="${num(l.height)}" rx="14" fill="${colour}" fill-opacity="0.07" stroke="${colour}" stroke-opacity="0.55" stroke-width="2"/>`,
      text(l.x + 14, l.y + 26, l.label, { size: 14, weight: 700, fill: p.text }),
    );
  }
  for (const e of scene.edges) {
    const stroke = e.crossing ? p.crossing : p.muted;
    out.push(
      `<path d="${edgePath(e.from, e.to)}" fill="none" stroke="${stroke}" stroke-width="1.8"${e.async ? ' stroke-dasharray="7 5"' : ''} marker-end="url(#${e.crossing ? 'arrow-crossing' : 'arrow'})"/>`,
    );
    if (e.label) {
      const mx = (e.from.x + e.to.x) / 2;
      const my = (e.from.y + e.to.y) / 2;
      out.push(
        `<text x="${num(mx)}" y="${num(my + 4)}" font-size="11" text-anchor="middle" fill="${p.muted}" stroke="${p.bg}" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${escapeXml(e.label)}</text>`,
      );
    }
  }
  for (const n of scene.nodes) out.push(nodeSvg(n, p));
  for (const w of scene.wiring) {
    out.push(
      `<g data-wiring="">`,
      ...wiringChips(w).flatMap((c) => [
        `<rect x="${num(c.x)}" y="${num(c.y)}" width="${num(c.width)}" height="${CHIP_HEIGHT}" rx="11" fill="${p.surface}" stroke="${p.wiring}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
        text(c.x + 10, c.y + 15, c.label, { size: 11, weight: 600, fill: p.text }),
      ]),
      '</g>',
    );
  }
  out.push('</g></svg>');
  return { text: `${out.join('\n')}\n`, width, height };
}
