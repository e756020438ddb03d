'use client';
import { TimelineScrubber } from '@/components/results/timeline-scrubber';

/** The month's replay control under the canvas. */
export function TimelineBar() {
  return (
    <div className="timeline-bar">
      <TimelineScrubber />
    </div>
  );
}
