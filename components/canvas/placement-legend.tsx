import { type Placement, PLACEMENT_LABELS } from '@/core/model';

const ORDER: Placement[] = ['static', 'elastic-vm', 'serverless', 'burst'];

export function PlacementLegend({ hasPlan }: { hasPlan: boolean }) {
  return (
    <div className="tm-legend" aria-label="Legend">
      {hasPlan ? (
        <>
          {ORDER.map((p) => (
            <span key={p} className="tm-legend-item">
              <span className="tm-swatch" data-placement={p} aria-hidden="true" />
              {PLACEMENT_LABELS[p]}
            </span>
          ))}
          <span className="tm-legend-item">
            <span className="tm-swatch wiring" aria-hidden="true" />
            Inserted wiring
          </span>
        </>
      ) : (
        <span className="tm-legend-item">Simulating…</span>
      )}
    </div>
  );
}
