/**
 * The plan document (`tidemark.plan`, version 1) of spec/formats.md as Zod schemas, with the
 * additions of December 2026 (cost lines, the generator, the search, the baselines that respect the
 * hard constraints). Every field the spec names is here with its meaning; a few additions (`demand`,
 * `note` on a baseline, `bestSingle`) are extras the spec allows. The assumptions reuse the design's
 * own schemas so a plan can be re-run from them.
 */
import { z } from 'zod';
import { idSchema, patternSchema, placementSchema, resolvedEnvironmentsSchema, simulationSchema } from './design';
import { planPricingSchema } from './pricing-choice';

export const RULE_IDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8', 'R9', 'R10', 'R11', 'R12'] as const;
export const ruleIdSchema = z.enum(RULE_IDS);
export type RuleId = z.infer<typeof ruleIdSchema>;

const money = z.number().finite().min(0).describe('US dollars per 730-hour month');
const count = z.number().finite().min(0);

/** What a bill charges for (spec/formats.md, additions of December 2026). */
export const COST_ITEMS = [
  'cores',
  'instances',
  'commitment',
  'function-requests',
  'function-compute',
  'api-gateway',
  'egress',
  'queue-requests',
  'storage',
  'traffic-manager',
  'secure-link',
  'data-access',
] as const;
export type CostItem = (typeof COST_ITEMS)[number];

export const costLineSchema = z.strictObject({
  item: z.enum(COST_ITEMS),
  quantity: z.number().finite().min(0),
  unit: z.string().min(1),
  unitPrice: z.number().finite().min(0),
  monthlyCost: money.describe('quantity × unitPrice, rounded to the cent'),
  detail: z.string().min(1).optional().describe('which part of the item this line is: a tier, a price part'),
});
export type CostLine = z.infer<typeof costLineSchema>;

export const reasonSchema = z.strictObject({
  rule: ruleIdSchema.describe('a rule of reference/placement-rules.md'),
  text: z.string().min(1),
});
export type Reason = z.infer<typeof reasonSchema>;

export const optionSchema = z.strictObject({
  placement: placementSchema,
  feasible: z.boolean(),
  monthlyCost: money.describe('everything this placement of this component costs: the sum of its costLines'),
  costLines: z.array(costLineSchema),
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

/**
 * What would change a placement (spec/formats.md, additions of December 2026): with every other input
 * unchanged, setting `parameter` beyond `flipsAt` in `direction` makes the recommended placement `to`.
 * Checked when found: at flipsAt × (1 ± 0.01) beyond it the plan says `to`, just before it does not.
 */
export const tippingPointSchema = z.strictObject({
  parameter: z.string().min(1).describe('a JSON path into the design, e.g. components[2].workload.peakRps'),
  value: z.number().finite().describe("the parameter's value in this plan (a price: as resolved)"),
  flipsAt: z.number().finite(),
  to: placementSchema,
  direction: z.enum(['above', 'below']),
});
export type TippingPointEntry = z.infer<typeof tippingPointSchema>;

/** P10, P50 and P90 of a figure over the seeds planned (nearest rank: each a value some seed gave). */
export const spreadSchema = z.strictObject({ p10: count, p50: count, p90: count });
export type Spread = z.infer<typeof spreadSchema>;

/**
 * Addition (issue 16): how a placement varies with the random part of the load — the plan made again
 * over `seeds` seeds (where unpredictable spikes fall, the noise), each option's figures in the
 * context of that seed's decision, and how often the decision was another placement.
 */
export const placementRangesSchema = z.strictObject({
  seeds: z.number().int().min(1).describe('plans made, the design’s own seed first'),
  isRandom: z.boolean().describe('whether its load (its own or a caller’s) changes with the seed'),
  differentShare: z.number().min(0).max(1).describe('share of the seeds whose plan recommends another placement'),
  recommended: z.partialRecord(placementSchema, z.number().int().min(1)).describe('seeds recommending each placement'),
  options: z.array(
    z.strictObject({
      placement: placementSchema,
      monthlyCost: spreadSchema,
      sloViolationMinutes: spreadSchema,
      droppedRequests: spreadSchema,
    }),
  ),
});
export type PlacementRanges = z.infer<typeof placementRangesSchema>;

/** Addition (issue 16): the recommended total over the same seeds (each seed's own recommendation). */
export const totalsRangeSchema = z.strictObject({
  seeds: z.number().int().min(1),
  recommended: z.strictObject({
    monthlyCost: spreadSchema,
    sloViolationMinutes: spreadSchema,
    droppedRequests: spreadSchema,
  }),
});
export type TotalsRange = z.infer<typeof totalsRangeSchema>;

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
  tippingPoints: z
    .array(tippingPointSchema)
    .optional()
    .describe('what would change this decision (npm run plan -- --insight); absent: not searched'),
  ranges: placementRangesSchema.optional().describe('addition: figures over many seeds (npm run plan -- --insight)'),
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
  monthlyCost: money.describe('the sum of its costLines; 0 when billed in a placement option, as the reason says'),
  costLines: z.array(costLineSchema),
});
export type WiringElement = z.infer<typeof wiringSchema>;

export const totalSchema = z.strictObject({
  monthlyCost: money.describe("its components' chosen options plus its wiring, to the cent"),
  sloViolationMinutes: count,
  droppedRequests: count,
  note: z.string().min(1).optional().describe('addition: a baseline against the recommendation, in words'),
});
export type Total = z.infer<typeof totalSchema>;

export const searchSchema = z.strictObject({
  method: z.enum(['exact', 'heuristic']),
  combinations: z
    .number()
    .finite()
    .min(1)
    .describe('placement combinations the hard constraints allow (capped at 1e300)'),
  evaluated: count.describe('complete combinations the search evaluated'),
  largestPiece: count.optional().describe('addition: most open components searched together'),
});

/**
 * What a 1- or 3-year commitment does to the recommendation (addition): the always-on VM instances
 * it covers, what they cost committed and on demand, and what it locks in for the whole term.
 */
export const commitmentSummarySchema = z.strictObject({
  term: z.enum(['1y', '3y']),
  instances: count.describe("always-on VM instances committed to: the recommended VMs' autoscaler minimums"),
  monthlyCost: money.describe('what those instances cost a month at the committed rate, busy or idle'),
  onDemandMonthlyCost: money.describe('the same instance-hours on demand'),
  monthlySaving: money,
  lockedIn: money.describe("monthlyCost × the term's months: owed whatever the design does next"),
  text: z.string().min(1),
});
export type CommitmentSummary = z.infer<typeof commitmentSummarySchema>;

export const planSchema = z.strictObject({
  format: z.literal('tidemark.plan'),
  version: z.literal(1),
  generator: z.strictObject({ name: z.string().min(1), version: z.string().min(1) }).describe('what made this plan'),
  design: z.strictObject({
    name: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits'),
  }),
  assumptions: z.strictObject({
    simulation: simulationSchema,
    environments: resolvedEnvironmentsSchema.describe('every price and figure the plan used, resolved'),
    pricing: planPricingSchema
      .optional()
      .describe('the price book, region and commitment (absent only in plans made before price books)'),
  }),
  placements: z.array(placementEntrySchema),
  wiring: z.array(wiringSchema),
  totals: z.strictObject({
    recommended: totalSchema,
    allStatic: totalSchema.describe('every component in the data centre where its hard constraints allow'),
    allElastic: totalSchema.describe(
      'every component on its cheapest elastic option that the hard constraints allow (the others stay put), wiring included',
    ),
    bestSingle: totalSchema
      .extend({ environment: z.enum(['static', 'elastic-vm', 'serverless']) })
      .describe('addition: the best of all in the data centre, all on VMs, all on functions (where allowed)'),
  }),
  search: searchSchema,
  ranges: totalsRangeSchema
    .optional()
    .describe('addition: the recommended total over many seeds of the random load (npm run plan -- --insight)'),
  commitment: commitmentSummarySchema
    .optional()
    .describe('addition: with a 1y or 3y commitment, what it saves and what it locks in'),
});
export type Plan = z.infer<typeof planSchema>;
