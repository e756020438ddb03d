/**
 * The design fields of the December 2026 additions (spec/formats.md) that choose prices: `pricing`
 * (which price book, region and commitment) and `environments.dataCentre` (the parts an own data
 * centre's core-month is built from), and the plan's `assumptions.pricing`, which names the book a
 * plan was priced with. Every field of `pricing` is optional and none is filled in by the schema, so a
 * saved design keeps only what its author chose; core/cost/resolve-environments.ts supplies the rest
 * (aws, the book's first region, no commitment).
 */
import './zod-config';
import { z } from 'zod';

export const PRICING_PROVIDERS = ['aws', 'azure', 'gcp', 'custom'] as const;
export type PricingProvider = (typeof PRICING_PROVIDERS)[number];
export const COMMITMENTS = ['none', '1y', '3y'] as const;
export type Commitment = (typeof COMMITMENTS)[number];
/** A commitment term a book prices: every commitment but none. */
export type CommitmentTerm = Exclude<Commitment, 'none'>;

/** What a design without `pricing` is priced with (spec/formats.md). */
export const DEFAULT_PRICING = { provider: 'aws', region: 'us-east-1', commitment: 'none' } as const;

export const REGION_PATTERN = /^[a-z0-9][a-z0-9-]{1,39}$/;

export const pricingSchema = z.strictObject({
  provider: z
    .enum(PRICING_PROVIDERS)
    .optional()
    .describe('aws | azure | gcp | custom (no book: every price from environments); default aws'),
  // Named as the provider names it (us-east-1, eastus, us-central1); the book decides which exist
  // (checked with the design, core/model/check-pricing.ts).
  region: z
    .string()
    .regex(REGION_PATTERN, 'must be a region name as the provider writes it, e.g. us-east-1')
    .optional()
    .describe("a region of the provider's price book; default its first (us-east-1, eastus, us-central1)"),
  commitment: z
    .enum(COMMITMENTS)
    .optional()
    .describe('none | 1y | 3y: applies to always-on cloud capacity; default none'),
});
export type PricingChoice = z.infer<typeof pricingSchema>;

/**
 * Where one price of a plan's `assumptions.environments` came from: the price book (its source id,
 * the page, the day the figure was checked against it and how sure it is), the design itself, an own
 * data centre built up (`environments.dataCentre`), or a hard default of core/model/defaults.ts.
 */
export const priceSourceSchema = z.strictObject({
  from: z.enum(['book', 'design', 'data-centre', 'default']),
  source: z.string().min(1).optional().describe("the book's source id, e.g. ec2-use1"),
  url: z.string().min(1).optional().describe('the page the price was read on'),
  checked: z.string().min(1).optional().describe('the day it was compared with that page (YYYY-MM-DD)'),
  basis: z.string().min(1).optional().describe("how sure: the book's basis (page, secondary, reference, estimate)"),
});
export type PriceSourceOfPlan = z.infer<typeof priceSourceSchema>;

/** The plan's `assumptions.pricing`: the choice resolved, and the book that priced it. */
export const planPricingSchema = z.strictObject({
  provider: z.enum(PRICING_PROVIDERS),
  region: z.string().min(1).optional().describe('absent for custom, which has no book'),
  commitment: z.enum(COMMITMENTS),
  book: z
    .string()
    .regex(/^(aws|azure|gcp)-\d{4}-\d{2}$/)
    .nullable()
    .describe('the price book, e.g. aws-2026-11; null for custom (every price from environments)'),
  sources: z
    .record(z.string(), priceSourceSchema)
    .optional()
    .describe('addition: for each price in assumptions.environments ("vm.hourlyPrice"), where it came from'),
});
export type PlanPricing = z.infer<typeof planPricingSchema>;

const num = (min: number, max: number) => z.number().finite().min(min).max(max);

/**
 * An own data centre has no list price: every field is the user's own figure, so none has a default.
 * Bounds only refuse the impossible (a PUE below 1, a server with no cores).
 */
export const dataCentreSchema = z.strictObject({
  serverPrice: num(0, 1e7).describe('US dollars for one server, bought outright'),
  coresPerServer: z.number().int().min(1).max(4096),
  amortisationYears: num(0.5, 30),
  wattsPerServer: num(0, 1e5).describe('mean electrical draw of one server, watts'),
  pue: num(1, 5).describe('power usage effectiveness: facility power ÷ IT power'),
  kwhPrice: num(0, 10).describe('US dollars per kWh'),
  spaceMonthlyPerServer: num(0, 1e6).describe('rack space, cooling plant and building, per server and month'),
  opsMonthlyPerServer: num(0, 1e6).describe('operations staff and support contracts, per server and month'),
});
export type DataCentre = z.infer<typeof dataCentreSchema>;
