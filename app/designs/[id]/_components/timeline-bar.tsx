'use client';
/** The month's replay control under the canvas. */
export function TimelineBar() {
  return <div className="timeline-bar" />;
}
