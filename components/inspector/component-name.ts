import type { Design } from '@/core/model';

/** A component's name for display, or its id if it has gone. */
export function nameOf(design: Design, id: string | undefined): string {
  return id === undefined ? '' : (design.components.find((c) => c.id === id)?.name ?? id);
}
