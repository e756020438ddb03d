'use client';
/**
 * The comparison's tables below the canvases: every component with what changed in the design, where
 * each plan runs it and what that costs (the changed ones first, the largest change of cost first);
 * the wiring whose presence or cost differs; the connections and design-wide settings that differ.
 */
import type { ComponentRow, ScenarioDiff } from '@/core/present';
import { formatDeltaCents, formatMoney, placementChange } from '@/core/present';
import { MARK_LABELS } from './diff-node';

const money = (cents: number) => formatMoney(cents / 100);

/** Every component, the changed ones first (largest change of cost first), then the rest in order. */
export function ComponentTable({ rows }: { rows: ComponentRow[] }) {
  const ordered = [
    ...rows.filter((r) => r.isChanged).sort((x, y) => Math.abs(y.deltaCents) - Math.abs(x.deltaCents)),
    ...rows.filter((r) => !r.isChanged),
  ];
  return (
    <section aria-labelledby="sc-components-title" className="sc-section">
      <h2 id="sc-components-title">Components</h2>
      <div className="sc-scroll" tabIndex={0} role="region" aria-labelledby="sc-components-title">
        <table className="table sc-table" data-testid="compare-components">
          <Heads
            text={['Component', 'Changed in the design', 'Where it runs']}
            numbers={['Before', 'After', 'Change']}
          />
          <tbody>
            {ordered.map((r) => (
              <tr key={r.id} data-testid={`compare-row-${r.id}`} className={r.isChanged ? 'sc-changed' : undefined}>
                <th scope="row">{r.name}</th>
                <td>
                  <DesignMarks row={r} />
                </td>
                <td className={r.isPlacementChanged ? 'sc-placement-changed' : undefined}>{placementChange(r)}</td>
                <td className="sc-num">{r.before ? money(r.before.monthlyCents) : '—'}</td>
                <td className="sc-num">{r.after ? money(r.after.monthlyCents) : '—'}</td>
                <td className="sc-num" data-sign={Math.sign(r.deltaCents)}>
                  {formatDeltaCents(r.deltaCents)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function DesignMarks({ row }: { row: ComponentRow }) {
  const marks = [
    row.presence === 'added' && 'added',
    row.presence === 'removed' && 'removed',
    row.isRetagged && 'retagged',
    row.isMoved && 'moved',
  ].filter((m): m is 'added' | 'removed' | 'retagged' | 'moved' => typeof m === 'string');
  if (marks.length === 0) return <span className="muted">not edited</span>;
  return (
    <>
      {marks.map((m) => (
        <span key={m} className="sc-mark" data-mark={m}>
          {MARK_LABELS[m]}
        </span>
      ))}
      {row.edits.length > 0 && <div className="sc-edits">{row.edits.join('; ')}</div>}
    </>
  );
}

export function WiringTable({ diff }: { diff: ScenarioDiff }) {
  const changed = diff.wiring.filter((w) => w.presence !== 'kept' || w.beforeCents !== w.afterCents);
  return (
    <section aria-labelledby="sc-wiring-title" className="sc-section">
      <h2 id="sc-wiring-title">Wiring the split needs</h2>
      {changed.length === 0 ? (
        <p className="muted">The same wiring at the same cost ({money(diff.wiringCents.after)} a month).</p>
      ) : (
        <div className="sc-scroll" tabIndex={0} role="region" aria-labelledby="sc-wiring-title">
          <table className="table sc-table" data-testid="compare-wiring">
            <Heads text={['Element', 'Between', 'Change']} numbers={['Before', 'After']} />
            <tbody>
              {changed.map((w) => (
                <tr key={w.key}>
                  <th scope="row">
                    {w.label}
                    {(w.isIncludedBefore || w.isIncludedAfter) && (
                      <span className="muted"> (in its component’s cost)</span>
                    )}
                  </th>
                  <td>{w.between}</td>
                  <td>{w.presence === 'kept' ? 'cost changed' : w.presence}</td>
                  <td className="sc-num">
                    {w.presence === 'added' ? (
                      '—'
                    ) : (
                      <WiringCost cents={w.beforeCents} isIncluded={w.isIncludedBefore} />
                    )}
                  </td>
                  <td className="sc-num">
                    {w.presence === 'removed' ? (
                      '—'
                    ) : (
                      <WiringCost cents={w.afterCents} isIncluded={w.isIncludedAfter} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A wiring element's cost, or "included" where its component's option bills it, as the Decision view says. */
function WiringCost({ cents, isIncluded }: { cents: number; isIncluded: boolean }) {
  if (!isIncluded) return <>{money(cents)}</>;
  return <span className="muted">included</span>;
}

export function DesignChanges({ diff }: { diff: ScenarioDiff['design'] }) {
  const connections = diff.connections.filter((c) => c.presence !== 'kept' || c.edits.length > 0);
  return (
    <section aria-labelledby="sc-other-title" className="sc-section">
      <h2 id="sc-other-title">Connections and settings</h2>
      {connections.length === 0 && diff.settings.length === 0 ? (
        <p className="muted">The same connections and the same settings.</p>
      ) : (
        <ul className="sc-list" data-testid="compare-connections">
          {connections.map((c) => (
            <li key={`${c.presence}-${c.id}`}>
              {c.between}:{' '}
              {c.presence === 'kept' ? c.edits.join(', ') : c.presence === 'added' ? 'connected' : 'disconnected'}
            </li>
          ))}
          {diff.settings.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A table's column heads: text columns, then right-aligned figures. */
export function Heads({ text, numbers }: { text: string[]; numbers: string[] }) {
  return (
    <thead>
      <tr>
        {text.map((t) => (
          <th key={t} scope="col">
            {t}
          </th>
        ))}
        {numbers.map((t) => (
          <th key={t} scope="col" className="sc-num">
            {t}
          </th>
        ))}
      </tr>
    </thead>
  );
}
