/** The results panels of the editor, and the helper the canvas uses to colour nodes during a replay. */
export { ComponentCharts, ComponentDecision } from './component-results';
export { DesignResults } from './design-results';
export { RunStatus } from './run-status';
export { TimelineScrubber } from './timeline-scrubber';
export { PlacementBadge } from './placement-badge';
export { recommendedUtilisationAt, utilisationAt, type Utilisation } from './utilisation';
