/**
 * The two design fields of the December 2026 additions (spec/formats.md) that choose prices, as Zod
 * schemas ready to be added to the design: `pricing` (which price book, region and commitment) and
 * `environments.dataCentre` (the parts an own data centre's core-month is built from). They are not
 * wired into designSchema yet; core/cost/books and core/cost/data-centre.ts read their types.
 */
import './zod-config';
import { z } from 'zod';

export const PRICING_PROVIDERS = ['aws', 'azure', 'gcp', 'custom'] as const;
export const COMMITMENTS = ['none', '1y', '3y'] as const;
export type Commitment = (typeof COMMITMENTS)[number];
/** A commitment term a book prices: every commitment but none. */
export type CommitmentTerm = Exclude<Commitment, 'none'>;

export const pricingSchema = z.strictObject({
  provider: z.enum(PRICING_PROVIDERS).default('aws'),
  // Named as the provider names it (us-east-1, eastus, us-central1); the book decides which exist.
  region: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'must be a region name as the provider writes it, e.g. us-east-1')
    .default('us-east-1'),
  commitment: z.enum(COMMITMENTS).default('none'),
});
export type PricingChoice = z.infer<typeof pricingSchema>;

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
