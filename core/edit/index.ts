/**
 * What the editor does to a design, without a browser: the pure edits (add, connect, move, remove,
 * copy, paste; each keeps the document valid), the inspector's per-field drafts checked by the
 * design's own schemas, the canvas grid, and when an edit calls for a new plan.
 */
export { addComponent, connect } from './new-elements';
export type { ConnectResult } from './new-elements';
export {
  copyElements,
  GRID,
  moveComponents,
  pasteFragment,
  pasteOffset,
  pasteStep,
  removeElements,
  uniqueId,
  updateComponent,
  updateConnection,
} from './edit-design';
export type { Fragment, Point } from './edit-design';
export { NODE_SIZE, nearestFreeSpot, positionsOf, spotForNew } from './free-spot';
export { foldTallLayers, layeredBlock, placeUnplaced, provisionalLayout, unplacedIds } from './complete-layout';
export type { Size } from './free-spot';
export { checkComponentDrafts, componentDrafts, PLACEMENTS_WITH_CORES, withPattern } from './component-draft';
export type { ComponentCheck, ComponentDrafts, ComponentField } from './component-draft';
export { checkConnectionDrafts, connectionDrafts } from './connection-draft';
export type { ConnectionCheck, ConnectionDrafts, ConnectionField } from './connection-draft';
export { sameValue } from './field-drafts';
export type { DraftCheck, Drafts, FieldErrors } from './field-drafts';
export { changesPlan, describeProblems } from './replan';
export { describeChanges, describeRevisionSize } from './describe-changes';
export {
  ASSUMPTION_FIELDS,
  assumptionDrafts,
  billedFields,
  checkAssumptionDrafts,
  defaultOf,
  isBilled,
  isDefault,
  resetDraft,
  shownValue,
  sourceOf,
} from './assumptions';
export {
  commitmentOptions,
  currentPick,
  describeBook,
  pickBook,
  pickCommitment,
  pickProvider,
  pickRegion,
  providerOptions,
  regionOptions,
} from './pricing-picker';
export type { PickOption, PricingPick } from './pricing-picker';
export type {
  AssumptionCheck,
  AssumptionDrafts,
  AssumptionField,
  AssumptionGroup,
  AssumptionValue,
} from './assumptions';
export { diffDesigns } from './diff-designs';
export type { ComponentDiff, ConnectionDiff, DesignDiff, Presence } from './diff-designs';
export { parseNumberText, type NumberRefusal, type NumberText } from './number-text';
