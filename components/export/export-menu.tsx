'use client';
/**
 * The editor's Export menu: the plan as JSON and as a Markdown report, the design as JSON, the
 * canvas as PNG and SVG. Files are named after the design. What fails (no plan for an invalid
 * design, an image that could not be drawn) is said in the editor's notice line.
 */
import { useReactFlow } from '@xyflow/react';
import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { Design } from '@/core/model';
import { reportMarkdown } from '@/core/present';
import { useEditorStore, usePlanStore } from '@/components/editor/editor-context';
import { loadModel } from '@/components/editor/lazy-core';
import type { FlowNode } from '@/components/canvas/derive-flow';
import { buildCanvasSvg } from './canvas-svg';
import { readPalette, sceneFromCanvas, svgToPng } from './canvas-scene';
import { downloadBlob, downloadText, fileStem } from './download';
import './export-menu.css';

type ExportKind = 'plan-json' | 'plan-md' | 'design-json' | 'png' | 'svg';

const ITEMS: { kind: ExportKind; label: string; hint: string }[] = [
  { kind: 'plan-json', label: 'Plan (JSON)', hint: 'tidemark.plan v1' },
  { kind: 'plan-md', label: 'Plan report (Markdown)', hint: 'placements, reasons, wiring, totals' },
  { kind: 'design-json', label: 'Design (JSON)', hint: 'tidemark.design v1' },
  { kind: 'png', label: 'Canvas image (PNG)', hint: 'title, legend, every component, edge and wiring' },
  { kind: 'svg', label: 'Canvas image (SVG)', hint: 'shapes and text, for documents' },
];

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
/** Longest side of the PNG in pixels (canvas limits); below it the PNG is drawn at twice the size. */
const MAX_PNG_SIDE = 8192;

export function ExportMenu() {
  const store = useEditorStore();
  const planStore = usePlanStore();
  const flow = useReactFlow<FlowNode>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<ExportKind | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => root.current?.contains(e.target as Node) || setOpen(false);
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      setOpen(false);
      root.current?.querySelector<HTMLButtonElement>('button')?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  /** The document as exported: validated, every default filled in (what the plan was made from). */
  async function exportedDesign(): Promise<Design> {
    const { validateDesign } = await loadModel();
    const { design } = store.getState();
    const checked = validateDesign(design);
    return checked.ok ? checked.value : design;
  }

  async function run(kind: ExportKind) {
    setOpen(false);
    setBusy(kind);
    try {
      const design = await exportedDesign();
      const stem = fileStem(design.name);
      if (kind === 'design-json') downloadText(json(design), `${stem}.design.json`, 'application/json');
      else if (kind === 'plan-json' || kind === 'plan-md') {
        // The plan's design hash prices the environments (price books): loaded with the first export.
        const { currentPlan, planForDesign } = await import('./plan-export');
        const result = await currentPlan(planStore);
        const plan = planForDesign(result, design, planStore.getState().insights, store.getState().design);
        if (kind === 'plan-json') downloadText(json(plan), `${stem}.plan.json`, 'application/json');
        else downloadText(reportMarkdown(plan, design), `${stem}.plan.md`, 'text/markdown');
      } else {
        const { lanes } = store.getState();
        const scene = sceneFromCanvas(flow, design, planStore.getState().result, lanes, readPalette());
        const svg = buildCanvasSvg(scene);
        if (kind === 'svg') downloadText(svg.text, `${stem}.svg`, 'image/svg+xml');
        else {
          const scale = Math.min(2, MAX_PNG_SIDE / Math.max(svg.width, svg.height));
          downloadBlob(await svgToPng(svg.text, scale), `${stem}.png`);
        }
      }
    } catch (error) {
      store.getState().setNotice(`Export failed: ${(error as Error).message}`);
    } finally {
      setBusy(null);
    }
  }

  function onMenuKey(e: ReactKeyboardEvent<HTMLDivElement>) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  }

  return (
    <div className="tm-export" ref={root}>
      <button
        type="button"
        className="button small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-busy={busy !== null}
        onClick={() => setOpen((o) => !o)}
      >
        {busy ? 'Exporting…' : 'Export'}
      </button>
      {open && (
        <div role="menu" aria-label="Export" className="tm-export-menu" onKeyDown={onMenuKey}>
          {ITEMS.map((item) => (
            <button key={item.kind} type="button" role="menuitem" onClick={() => void run(item.kind)}>
              <span>{item.label}</span>
              <small>{item.hint}</small>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
