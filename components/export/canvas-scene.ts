/**
 * What the SVG/PNG export draws, read from the page: the canvas's nodes where React Flow has them
 * (the design's layout, or the lanes view's), their sizes as measured, the connections between their
 * handles, the plan's wiring groups and lanes, and the theme's colours resolved to plain hex (an SVG
 * file cannot use the page's CSS variables). The drawing itself is canvas-svg.ts, pure.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { KIND_LABELS, PATTERN_LABELS, PLACEMENTS, type Design, type Placement, type PlanOption } from '@/core/model';
import { formatCount, formatMoney, wiringLabel } from '@/core/present';
import type { PlanResult } from '@/core/plan';
import { NODE_HEIGHT, NODE_WIDTH } from '@/components/canvas/auto-layout';
import { deriveEdges, groupWiring, type FlowNode } from '@/components/canvas/derive-flow';
import { laneLayout, LANE_SPECS } from '@/components/canvas/lanes';
import { connectionLabel, formatNodeCost } from '@/components/canvas/node-text';
import { positionsOf } from '@/core/edit';
import type { SvgPalette, SvgScene } from './canvas-svg';

/** A theme colour as the page draws it now (light or dark), as #rrggbb. */
function resolveColour(probe: HTMLElement, variable: string): string {
  probe.style.color = `var(${variable})`;
  const [r = 0, g = 0, b = 0] = (getComputedStyle(probe).color.match(/[\d.]+/g) ?? []).map(Number);
  return `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
}

export function readPalette(root: HTMLElement = document.body): SvgPalette {
  const probe = document.createElement('span');
  root.appendChild(probe);
  try {
    const c = (name: string) => resolveColour(probe, `--${name}`);
    return {
      bg: c('bg'),
      surface: c('surface'),
      surface2: c('surface-2'),
      text: c('text'),
      muted: c('muted'),
      border: c('border'),
      wiring: c('wiring'),
      crossing: c('crossing'),
      place: Object.fromEntries(PLACEMENTS.map((p) => [p, c(`place-${p}`)])) as Record<Placement, string>,
    };
  } finally {
    probe.remove();
  }
}

function totalsLine(result: PlanResult | null): string {
  if (!result) return 'Not simulated yet.';
  const { recommended, allStatic, allElastic } = result.plan.totals;
  const risk =
    recommended.sloViolationMinutes > 0 || recommended.droppedRequests > 0
      ? ` (${formatCount(recommended.sloViolationMinutes)} SLO minutes, ${formatCount(recommended.droppedRequests)} requests dropped)`
      : '';
  return `Recommended ${formatMoney(recommended.monthlyCost)} a month${risk} · all in the data centre ${formatMoney(allStatic.monthlyCost)} · all elastic ${formatMoney(allElastic.monthlyCost)}`;
}

export function sceneFromCanvas(
  flow: ReactFlowInstance<FlowNode>,
  design: Design,
  result: PlanResult | null,
  lanesShown: boolean,
  palette: SvgPalette,
): SvgScene {
  const plan = result?.plan ?? null;
  const chosen = new Map<string, PlanOption | undefined>(
    plan?.placements.map((p) => [p.componentId, p.options.find((o) => o.placement === p.placement)]) ?? [],
  );
  const placements = new Map<string, Placement>(plan?.placements.map((p) => [p.componentId, p.placement]) ?? []);
  const flowNodes = new Map(flow.getNodes().map((n) => [n.id, n]));
  const own = positionsOf(design);
  const size = (id: string) => ({
    width: flowNodes.get(id)?.measured?.width ?? NODE_WIDTH,
    height: flowNodes.get(id)?.measured?.height ?? NODE_HEIGHT,
  });
  const lanes =
    lanesShown && plan
      ? laneLayout(
          design.components.map((c) => c.id),
          own,
          placements,
          { width: NODE_WIDTH, height: NODE_HEIGHT },
        )
      : null;
  const at = (id: string) => flowNodes.get(id)?.position ?? lanes?.positions.get(id) ?? own.get(id) ?? { x: 0, y: 0 };
  const positions = new Map(design.components.map((c) => [c.id, at(c.id)]));
  const crossing = new Map(
    deriveEdges(design, plan, new Set()).map((e) => [e.id, Boolean((e.data as { crossing?: boolean }).crossing)]),
  );
  return {
    title: design.name,
    subtitle: totalsLine(result),
    palette,
    nodes: design.components.map((c) => {
      const p = positions.get(c.id)!;
      const option = chosen.get(c.id);
      const pattern = c.workload ? PATTERN_LABELS[c.workload.pattern].toLowerCase() : null;
      return {
        id: c.id,
        x: p.x,
        y: p.y,
        ...size(c.id),
        name: c.name,
        detail: [KIND_LABELS[c.kind], pattern, c.stateful ? 'state' : null].filter(Boolean).join(' · '),
        placement: placements.get(c.id) ?? null,
        cost: option ? formatNodeCost(option.monthlyCost) : null,
      };
    }),
    edges: design.connections.map((c) => {
      const a = positions.get(c.from)!;
      const b = positions.get(c.to)!;
      return {
        id: c.id,
        from: { x: a.x + size(c.from).width, y: a.y + size(c.from).height / 2 },
        to: { x: b.x, y: b.y + size(c.to).height / 2 },
        async: c.mode === 'async',
        crossing: crossing.get(c.id) ?? false,
        label: connectionLabel(c),
      };
    }),
    wiring: plan
      ? groupWiring(design, plan.wiring, positions).map((g) => ({
          x: g.position.x,
          y: g.position.y,
          // As the editor's chips name them (wiring-layer.tsx, wiringLabel).
          labels: g.elements.map(wiringLabel),
        }))
      : [],
    lanes:
      lanes?.lanes
        .filter((l) => l.id !== 'unplaced')
        .map((l) => ({
          x: l.x,
          y: l.y,
          width: l.width,
          height: l.height,
          label: `${l.label} · ${l.count}`,
          placement: LANE_SPECS.find((s) => s.id === l.id)?.placements[0] ?? 'static',
        })) ?? [],
  };
}

/** The SVG drawn onto a canvas at `scale` (2: crisp on a high-density screen and in print), as PNG. */
export async function svgToPng(svg: string, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * scale);
    canvas.height = Math.round(image.naturalHeight * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the image.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
