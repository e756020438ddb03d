'use client';
/** Downloads of the shared design's plan, made in the browser from the plan the worker computed. */
import { useEditor, usePlan } from '@/components/editor/editor-context';
import { reportMarkdown } from '@/core/present';

function download(text: string, type: string, filename: string) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = filename;
  a.click();
  URL.revokeObjectURL(a.href);
}

/** "Retail web shop" → "retail-web-shop": a file name without surprises. */
export function fileStem(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'design'
  );
}

export function PlanDownloads() {
  const plan = usePlan((s) => s.result?.plan ?? null);
  const design = useEditor((s) => s.design);
  const stem = fileStem(design.name);
  return (
    <div className="share-downloads" role="group" aria-label="Downloads">
      <button
        type="button"
        className="button small"
        disabled={!plan}
        onClick={() => plan && download(`${JSON.stringify(plan, null, 2)}\n`, 'application/json', `${stem}.plan.json`)}
      >
        Plan (JSON)
      </button>
      <button
        type="button"
        className="button small"
        disabled={!plan}
        onClick={() => plan && download(reportMarkdown(plan, design), 'text/markdown', `${stem}.plan.md`)}
      >
        Report (Markdown)
      </button>
    </div>
  );
}
