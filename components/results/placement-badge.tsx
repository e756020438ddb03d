/** A placement's name with its colour: purple for the data centre, teal for the cloud, both for burst. */
import { type Placement, PLACEMENT_LABELS } from '@/core/model';

export function PlacementBadge({ placement }: { placement: Placement }) {
  return (
    <span className="res-badge" data-placement={placement}>
      {PLACEMENT_LABELS[placement]}
    </span>
  );
}
