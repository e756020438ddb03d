/**
 * The plan document (`tidemark.plan`, version 1) of spec/formats.md as Zod schemas. Every field the
 * spec names is here with its meaning; the few additions (`demand`, `detail`, `monthlyCost` on
 * wiring, `rule`-free notes) are optional extras that the spec allows. The assumptions reuse the
 * design's own schemas so a plan can be re-run from them.
 */
import { z } from 'zod';
import { environmentsSchema, idSchema, patternSchema, placementSchema, simulationSchema } from './design';

export const RULE_IDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10'] as const;
export const ruleIdSchema = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof ruleIdSchema>;

const money = z.number().finite().min(0).describe('US dollars per 730-hour month');
const count = z.number().finite().min(0);

export const reasonSchema = z.strictObject({
  rule: ruleIdSchema.describe('a rule of reference/placement-rules.md'),
  text: z.string().min(1),
});
export type Reason = z.infer<typeof reasonSchema>;

export const optionSchema = z.strictObject({
  placement: placementSchema,
  feasible: z.boolean(),
  monthlyCost: money,
  meanLatencyMs: count,
  p50LatencyMs: count.optional().describe('median response time of all requests of the horizon, ms'),
  p95LatencyMs: count.describe('95th percentile of the response times of all requests of the horizon, ms'),
  p99LatencyMs: count.optional().describe('99th percentile of the response times of all requests of the horizon, ms'),
  sloViolationMinutes: count,
  droppedRequests: count,
  coldStartShare: z
    .number()
    .finite()
    .min(0)
    .max(1)
    .optional()
    .describe('serverless: share of invocations that waited a cold start'),
  meanInstances: count
    .optional()
    .describe('serverless and VMs (a burst: its cloud part): mean instances held, idle and busy'),
  note: z.string(),
});
export type PlanOption = z.infer<typeof optionSchema>;

export const placementEntrySchema = z.strictObject({
  componentId: idSchema,
  placement: placementSchema,
  effectivePattern: patternSchema.describe('pattern of its total demand (own + upstream)'),
  reasons: z.array(reasonSchema).min(1),
  options: z.array(optionSchema).length(4),
  demand: z
    .strictObject({ meanRps: count, peakRps: count, requestsPerMonth: count })
    .optional()
    .describe('addition: the demand the placement was sized for'),
});
export type PlacementEntry = z.infer<typeof placementEntrySchema>;

export const WIRING_KINDS = [
  'queue',
  'storage',
  'data-access',
  'api-gateway',
  'traffic-manager',
  'compliant-replication',
  'secure-link',
] as const;
export const wiringKindSchema = z.enum(WIRING_KINDS);
export type WiringKind = z.infer<typeof wiringKindSchema>;

export const wiringSchema = z.strictObject({
  id: z.string().min(1),
  kind: wiringKindSchema,
  connectionId: idSchema.optional().describe('the crossing connection, when the element sits on one'),
  componentIds: z.array(idSchema).min(1),
  reason: z.string().min(1),
  monthlyCost: money.optional().describe('addition: cost not already in a placement option (staged storage)'),
});
export type WiringElement = z.infer<typeof wiringSchema>;

export const totalSchema = z.strictObject({
  monthlyCost: money,
  sloViolationMinutes: count,
  droppedRequests: count,
});
export type Total = z.infer<typeof totalSchema>;

export const planSchema = z.strictObject({
  format: z.literal('tidemark.plan'),
  version: z.literal(1),
  design: z.strictObject({
    name: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
  }),
  assumptions: z.strictObject({ simulation: simulationSchema, environments: environmentsSchema }),
  placements: z.array(placementEntrySchema),
  wiring: z.array(wiringSchema),
  totals: z.strictObject({ recommended: totalSchema, allStatic: totalSchema, allElastic: totalSchema }),
});
export type Plan = z.infer<typeof planSchema>;
