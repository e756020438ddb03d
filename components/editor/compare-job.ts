/**
 * The plan worker's "compare providers" job (issue 14), apart from the worker's globals so that it can
 * be tested without one: validates the open design (unsaved edits included), plans it on every
 * provider with compareProvidersAsync — yielding every `sliceMs`, so a cancel or a newer comparison
 * gets through — and posts progress, the comparison (without each provider's whole plan: the page
 * shows only the table), or why it failed. A cancelled job posts nothing. Nothing is saved.
 */
import { validateDesign } from '@/core/model';
import { compareProvidersAsync, PlanCancelledError } from '@/core/plan';
import { toComparisonView, type CompareResponse } from './plan-protocol';

export interface CompareJobOptions {
  isCancelled: () => boolean;
  post: (message: CompareResponse) => void;
  sliceMs?: number;
  /** Progress messages at most this often (ms). */
  progressEveryMs?: number;
  now?: () => number;
}

export async function runComparisonJob(compareId: number, input: unknown, options: CompareJobOptions): Promise<void> {
  const { isCancelled, post, sliceMs = 20, progressEveryMs = 100, now = () => performance.now() } = options;
  const started = now();
  if (isCancelled()) return;
  const checked = validateDesign(input);
  if (!checked.ok) {
    post({ type: 'compare-failed', compareId, problems: checked.problems });
    return;
  }
  let lastProgress = -Infinity;
  try {
    const comparison = await compareProvidersAsync(checked.value, {
      sliceMs,
      isCancelled,
      onProgress: (progress) => {
        const t = now();
        if (t - lastProgress < progressEveryMs) return;
        lastProgress = t;
        post({ type: 'compare-progress', compareId, progress });
      },
    });
    if (isCancelled()) return;
    post({ type: 'compared', compareId, comparison: toComparisonView(comparison), ms: now() - started });
  } catch (error) {
    if (error instanceof PlanCancelledError) return;
    post({ type: 'compare-failed', compareId, message: error instanceof Error ? error.message : String(error) });
  }
}
