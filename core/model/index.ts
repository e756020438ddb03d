/**
 * The documents' public face, for the app, the server and the command line: the design and plan
 * schemas and types, every default with its source, the words people read for each enumeration,
 * validation with JSON-path problems, the versioned loader, and the rounding the plan's figures use.
 * Outside core/, import the documents from here, never from a file inside this folder.
 */
export * from './design';
export * from './design-fields';
export * from './plan';
export * from './defaults';
export * from './labels';
export * from './round';
export * from './pricing-choice';
export { formatPath, formatProblems, parseJson } from './problems';
export type { Problem, Validated } from './problems';
export { problemsOf, validateDesign, validateWith } from './validate';
export {
  importedDesignSchema,
  loadDesign,
  loadPlan,
  loadStoredDesign,
  migrateDesign,
  readDesignFile,
} from './load-design';
export { checkName, freeTextSchema, nameProblem, nameSchema } from './names';
export { excessNestingAt, MAX_JSON_DEPTH, nestingProblem } from './json-depth';
export { findJsonSyntaxError } from './json-syntax';
export { DESIGN_FORMAT, DESIGN_VERSION, PLAN_FORMAT, PLAN_VERSION } from './load-design';
// The design's fingerprint in a plan (plan.design.sha256); also on @/core/plan for the engine's callers.
export { canonicalDesign, hashDesign, stringifyCanonical } from './hash-design';
