/** A placement's name with its colour: purple for the data centre, teal for the cloud, both for burst. */
import type { Placement } from '@/core/model/design';
import { PLACEMENT_NAMES } from '@/core/present/format';

export function PlacementBadge({ placement }: { placement: Placement }) {
  return (
    <span className="res-badge" data-placement={placement}>
      {PLACEMENT_NAMES[placement]}
    </span>
  );
}
