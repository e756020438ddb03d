'use client';
/**
 * Compare providers (issue 14): the open design — unsaved edits included — planned on AWS, Azure and
 * Google Cloud in the plan worker (never on this thread, never saved), shown in a dialog: per
 * provider the region, where the components run, the monthly cost and how far above the cheapest,
 * the minutes over the SLO and the dropped requests; the unit prices side by side; what differs per
 * component and the summary, in the engine's words. "Use this provider" switches the design's price
 * book (one undo step). Every figure is the engine's (core/plan/compare-providers.ts), written out by
 * core/present/compare.ts.
 */
import { useMemo, type ReactNode } from 'react';
import { useEditor, useEditorStore, usePlan, usePlanStore } from '@/components/editor/editor-context';
import { Prose } from '@/components/ui/prose';
import { useModalDialog } from '@/components/ui/use-modal-dialog';
import { COMMITMENT_LABELS } from '@/core/model';
import { currentPick, pickBook } from '@/core/edit';
import { comparisonCells, formatDuration, progressPercent } from '@/core/present';
import './compare.css';

/** Opens the comparison and starts it; shown only where a plan worker runs (the editor). */
export function CompareProvidersButton() {
  const canCompare = usePlan((s) => s.canCompare);
  const running = usePlan((s) => s.comparison.running);
  const compare = usePlan((s) => s.compare);
  if (!canCompare) return null;
  return (
    <button type="button" className="button cmp-open" onClick={compare} data-testid="compare-providers">
      {running ? 'Comparing providers…' : 'Compare providers…'}
    </button>
  );
}

export function CompareProvidersDialog() {
  const planStore = usePlanStore();
  const comparison = usePlan((s) => s.comparison);
  const design = useEditor((s) => s.design);
  const ref = useModalDialog(comparison.open);
  const close = () => planStore.getState().closeComparison();
  return (
    <dialog
      ref={ref}
      className="dialog cmp"
      aria-labelledby="cmp-title"
      aria-describedby="cmp-intro"
      onClose={close}
      data-testid="compare-dialog"
    >
      <h2 id="cmp-title">Compare providers</h2>
      <p id="cmp-intro" className="cmp-intro">
        {comparison.design?.name ?? design.name} planned on AWS, Azure and Google Cloud, each in its region serving the
        same part of the world, {COMMITMENT_LABELS[currentPick(comparison.design ?? design).commitment].toLowerCase()}.
        Unsaved changes are included; nothing is saved.
      </p>
      {comparison.open && <CompareBody />}
      <div className="dialog-actions">
        {comparison.running ? (
          <button type="button" className="button" onClick={() => planStore.getState().cancelCompare()}>
            Stop comparing
          </button>
        ) : (
          <button type="button" className="button" onClick={() => planStore.getState().compare()}>
            Compare again
          </button>
        )}
        <button type="button" className="button primary" onClick={close} autoFocus>
          Close
        </button>
      </div>
    </dialog>
  );
}

function CompareBody() {
  const store = useEditorStore();
  const comparison = usePlan((s) => s.comparison);
  const design = useEditor((s) => s.design);
  const result = comparison.result;
  const cells = useMemo(() => (result ? comparisonCells(result) : null), [result]);
  const pick = currentPick(design);
  const percent = progressPercent(comparison.progress);
  const stale = result !== null && !comparison.running && comparison.design !== design;
  return (
    <>
      <div className="cmp-status" role="status" aria-live="polite" data-testid="compare-status">
        {comparison.running ? (
          <>
            <span>Comparing… {percent} %</span>
            <progress max={100} value={percent} aria-label="Comparison progress" />
          </>
        ) : result ? (
          <span>
            {stale
              ? 'The design has changed since this comparison: compare again to see it as it is now.'
              : 'Up to date with the open design.'}
          </span>
        ) : null}
      </div>
      {comparison.error && !comparison.running && (
        <div className="res-status res-error cmp-error" role="alert" data-testid="compare-error">
          {comparison.error.split('\n').map((line, i) => (
            <p key={i}>{line}</p>
          ))}
        </div>
      )}
      {result && cells && (
        <div className={comparison.running ? 'cmp-result cmp-busy' : 'cmp-result'}>
          <TableSection id="cmp-plans" title="The plan on each provider" testId="compare-table">
            <thead>
              <tr>
                <th scope="col">Provider</th>
                <th scope="col">Region</th>
                <th scope="col">Where the components run</th>
                <th scope="col" className="cmp-num">
                  Monthly cost
                </th>
                <th scope="col" className="cmp-num">
                  Above the cheapest
                </th>
                <th scope="col" className="cmp-num">
                  Over the SLO
                </th>
                <th scope="col" className="cmp-num">
                  Dropped requests
                </th>
                <th scope="col">
                  <span className="visually-hidden">Price book</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cells.rows.map((r) => {
                const inUse = pick.provider === r.provider && pick.region === r.region;
                return (
                  <tr key={r.provider} data-testid={`compare-row-${r.provider}`}>
                    <th scope="row">{r.providerName}</th>
                    <td>
                      {r.regionName} <span className="cmp-id">({r.region})</span>
                    </td>
                    <td>
                      <ul className="cmp-where">
                        {r.placements.map((p) => (
                          <li key={p}>{p}</li>
                        ))}
                      </ul>
                    </td>
                    <td className="cmp-num" data-testid="compare-total">
                      {r.monthlyCost}
                    </td>
                    <td className={r.isCheapest ? 'cmp-num cmp-cheapest' : 'cmp-num'}>{r.aboveCheapest}</td>
                    <td className="cmp-num">{r.sloMinutes}</td>
                    <td className="cmp-num">{r.dropped}</td>
                    <td>
                      {inUse ? (
                        <span className="cmp-in-use">In use</span>
                      ) : (
                        <button
                          type="button"
                          className="button small"
                          aria-label={`Use this provider: ${r.providerName}, ${r.regionName} (${r.region})`}
                          onClick={() => {
                            const { design: now, setDesign } = store.getState();
                            setDesign(pickBook(now, r.provider, r.region));
                          }}
                        >
                          Use this provider
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </TableSection>
          <ProseSection id="cmp-summary" title="In short" testId="compare-summary" lines={result.summary} />
          {result.differences.length > 0 && (
            <ProseSection
              id="cmp-differences"
              title="Components placed differently"
              testId="compare-differences"
              lines={result.differences.map((d) => d.text)}
            />
          )}
          <TableSection id="cmp-prices" title="Unit prices" testId="compare-prices">
            <thead>
              <tr>
                <th scope="col">Price</th>
                {cells.rows.map((r) => (
                  <th key={r.provider} scope="col" className="cmp-num">
                    {r.providerName}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cells.prices.map((p) => (
                <tr key={p.label}>
                  <th scope="row">{p.label}</th>
                  {p.values.map((v) => (
                    <td key={v.provider} className="cmp-num">
                      {v.text}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </TableSection>
          {comparison.ms !== null && <p className="cmp-foot">Compared in {formatDuration(comparison.ms)}.</p>}
        </div>
      )}
    </>
  );
}

/** A titled table that scrolls sideways (by keyboard too) when the dialog is narrow. */
function TableSection({
  id,
  title,
  testId,
  children,
}: {
  id: string;
  title: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <div className="cmp-scroll" tabIndex={0} role="region" aria-labelledby={id}>
        <table className="table cmp-table" data-testid={testId}>
          {children}
        </table>
      </div>
    </section>
  );
}

/** Engine sentences as a titled list, rule ids as links. */
function ProseSection({ id, title, testId, lines }: { id: string; title: string; testId: string; lines: string[] }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ul className="cmp-list" data-testid={testId}>
        {lines.map((line, i) => (
          <li key={i}>
            <Prose text={line} />
          </li>
        ))}
      </ul>
    </section>
  );
}
