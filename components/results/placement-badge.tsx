/** A placement's name with its colour: purple for the data centre, teal for the cloud, both for burst. */
import type { Placement } from '@/core/model/design';
import { PLACEMENT_LABELS } from '@/core/model/labels';

export function PlacementBadge({ placement }: { placement: Placement }) {
  return (
    <span className="res-badge" data-placement={placement}>
      {PLACEMENT_LABELS[placement]}
    </span>
  );
}
