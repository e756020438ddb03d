/**
 * The engine's front door for untrusted input: load (the versioned loader: an earlier version is
 * migrated, a newer one refused naming it), validate, then plan. Invalid designs come back as
 * problems with JSON paths (never a throw), for the command line, the server and the editor alike.
 */
import { loadDesign } from '../model/load-design';
import { parseJson } from '../model/problems';
import type { Validated } from '../model/validate';
import { type BuildPlanOptions, type PlanResult, buildPlan } from './build-plan';

export function planDesign(input: unknown, options?: BuildPlanOptions): Validated<PlanResult> {
  const design = loadDesign(input);
  if (!design.ok) return design;
  return { ok: true, value: buildPlan(design.value, options) };
}

export function planDesignText(text: string, options?: BuildPlanOptions): Validated<PlanResult> {
  const parsed = parseJson(text);
  return parsed.ok ? planDesign(parsed.value, options) : parsed;
}
