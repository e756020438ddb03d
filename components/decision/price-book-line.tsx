'use client';
/**
 * The decision's line naming the price book the plan is in, with the way to see the design on every
 * provider. A part of its own, loaded with the first plan (decision-view.tsx): the price books are
 * checked against their schema when they load, which is work the editor's first draw does not need.
 */
import { CompareProvidersButton } from '@/components/compare/compare-providers';
import { useEditor } from '@/components/editor/editor-context';
import { describeBook } from '@/core/edit';

/** Whose prices the plan is in, and the way to see it on every provider. */
export function PriceBook() {
  const pricing = useEditor((s) => s.design.pricing);
  return (
    <div className="res-section dec-book" data-testid="decision-book">
      <p className="res-sub">Priced with {describeBook({ pricing })}.</p>
      <CompareProvidersButton />
    </div>
  );
}
