/**
 * Generating load, for callers outside core that do not run the engine (the editor's page: the
 * inspector's live preview). Everything here is light: the page that imports it does not load the
 * simulation. The engine's own callers reach the same through @/core/plan.
 *
 *   previewWorkload(workload, simulation, key) → PreviewPoint[]   one pattern's load, a day or a week of it
 */
export { previewWorkload, PREVIEW_MAX_POINTS } from './preview-workload';
export type { PreviewPoint } from './preview-workload';
