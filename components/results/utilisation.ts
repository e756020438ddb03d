/** For the canvas: how busy a component is at a timeline point (pure; see core/plan/summarize-utilisation.ts). */
export { recommendedUtilisationAt, utilisationAt, type Utilisation } from '@/core/plan/summarize-utilisation';
