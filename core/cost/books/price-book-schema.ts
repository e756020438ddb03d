/**
 * The price book format: one JSON file per provider and book date (aws-2026-11.json), every price the
 * engine uses, per region, each number naming a source from the book's `sources` map, which says
 * where the figure was read and when (README.md beside this file). Objects are strict and every
 * reference is checked, so a misspelt field or a price without a source is refused at load.
 */
import '../../model/zod-config';
import { z } from 'zod';

export const BOOK_PROVIDERS = ['aws', 'azure', 'gcp'] as const;
export type BookProvider = (typeof BOOK_PROVIDERS)[number];

/**
 * How sure a figure is. page: read on a stored copy of `url` in this session. secondary: the list price
 * as quoted by another public source, named in `via` (Infracost's golden files, priced from the
 * provider's price list). reference: taken from the team's shared/reference/pricing-and-scaling.md,
 * not re-checked. estimate: not confirmed anywhere; the note says how it was arrived at.
 */
export const SOURCE_BASES = ['page', 'secondary', 'reference', 'estimate'] as const;

const idPattern = /^[a-z0-9][a-z0-9-]{0,63}$/;
const sourceIdSchema = z.string().regex(idPattern, 'must be a source id: a–z, 0–9 and "-"');

export const sourceSchema = z
  .strictObject({
    url: z.url({ protocol: /^https$/ }),
    checked: z.iso.date().describe('the day the figure was compared with its source (YYYY-MM-DD)'),
    basis: z.enum(SOURCE_BASES),
    via: z.url({ protocol: /^https$/ }).optional(),
    note: z.string().min(1).optional(),
  })
  .superRefine((s, ctx) => {
    // A figure not read on the page itself must say where it came from instead.
    if (s.basis === 'secondary' && s.via === undefined) {
      ctx.addIssue({ code: 'custom', path: ['via'], message: 'a secondary source names what it was read in' });
    }
    if (s.basis !== 'page' && s.note === undefined) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: `a ${s.basis} source says how the figure was got` });
    }
  });
export type PriceSource = z.infer<typeof sourceSchema>;

/** A number with the id of its source: a price in US dollars, or a quantity such as a free allowance. */
export const sourcedSchema = z.strictObject({
  value: z.number().finite().min(0),
  source: sourceIdSchema,
  note: z.string().min(1).optional(),
});
export type Sourced = z.infer<typeof sourcedSchema>;

const tierSchema = z.strictObject({
  upTo: z.number().finite().positive().nullable().describe('cumulative end of the tier; null: no end'),
  value: z.number().finite().min(0),
});

/** Volume tiers of one price, cheapest last; the first tier is the price most designs pay. */
export const tieredSchema = z
  .strictObject({
    tiers: z.array(tierSchema).min(1).max(10),
    source: sourceIdSchema,
    note: z.string().min(1).optional(),
  })
  .superRefine((t, ctx) => {
    t.tiers.forEach((tier, i) => {
      const last = i === t.tiers.length - 1;
      if (last !== (tier.upTo === null)) {
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'upTo'], message: 'only the last tier has no end (null)' });
      }
      const before = i > 0 ? t.tiers[i - 1]?.upTo : 0;
      if (tier.upTo !== null && typeof before === 'number' && tier.upTo <= before) {
        ctx.addIssue({ code: 'custom', path: ['tiers', i, 'upTo'], message: `must be above ${before}` });
      }
    });
  });
export type Tiered = z.infer<typeof tieredSchema>;

const termsSchema = z.strictObject({ '1y': sourcedSchema, '3y': sourcedSchema });

const vmSizeSchema = z.strictObject({
  vcpu: z.number().positive().max(448),
  memoryGib: z.number().positive().max(24576),
  source: sourceIdSchema.describe('where the size’s vCPU and memory are published'),
  hourly: sourcedSchema.describe('on-demand Linux price per instance-hour'),
  committedHourly: termsSchema.optional().describe('this size’s own committed rate, when published'),
});

const sizeNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const regionSchema = z.strictObject({
  name: z.string().min(1).describe('the provider’s display name, e.g. US East (N. Virginia)'),
  vm: z.strictObject({
    defaultSize: z.string().regex(sizeNamePattern),
    sizes: z.record(z.string().regex(sizeNamePattern), vmSizeSchema),
  }),
  functions: z.discriminatedUnion('billing', [
    z.strictObject({
      billing: z.literal('gb-second'),
      perMillionRequests: sourcedSchema,
      perGbSecond: tieredSchema,
      perGbSecondArm: tieredSchema.optional(),
      freeTier: z.strictObject({ requests: sourcedSchema, gbSeconds: sourcedSchema }),
    }),
    z.strictObject({
      billing: z.literal('vcpu-gib-second'),
      perMillionRequests: sourcedSchema,
      perVcpuSecond: sourcedSchema,
      perGibSecond: sourcedSchema,
      freeTier: z.strictObject({ requests: sourcedSchema, vcpuSeconds: sourcedSchema, gibSeconds: sourcedSchema }),
    }),
  ]),
  apiGateway: z.strictObject({ perMillionRequests: tieredSchema, freeRequests: sourcedSchema.optional() }),
  queue: z.discriminatedUnion('billing', [
    z.strictObject({
      billing: z.literal('per-request'),
      perMillionRequests: sourcedSchema,
      freeRequests: sourcedSchema,
    }),
    z.strictObject({ billing: z.literal('per-volume'), perTib: sourcedSchema, freeGib: sourcedSchema }),
  ]),
  storage: z.strictObject({ perGbMonth: sourcedSchema }),
  egress: z.strictObject({ perGb: sourcedSchema.describe('internet egress, first paid tier') }),
  secureLink: z.strictObject({ perHour: sourcedSchema.describe('one VPN connection, gateway or tunnel') }),
  trafficManager: z.strictObject({
    perZoneMonth: sourcedSchema.describe('hosted zone or profile, per month'),
    perMillionQueries: tieredSchema,
    perHealthCheckMonth: sourcedSchema.describe('an endpoint in this cloud, monitored for a month'),
    perExternalHealthCheckMonth: sourcedSchema.describe('an endpoint outside it (the data centre)'),
  }),
});
export type RegionPrices = z.infer<typeof regionSchema>;

const behaviourSchema = z.strictObject({
  products: z.strictObject({
    vm: z.string().min(1),
    functions: z.string().min(1),
    apiGateway: z.string().min(1),
    queue: z.string().min(1),
    storage: z.string().min(1),
    egress: z.string().min(1),
    secureLink: z.string().min(1),
    trafficManager: z.string().min(1),
    commitment: z.string().min(1),
  }),
  vm: z.strictObject({ billingIncrementSeconds: sourcedSchema, minimumBilledSeconds: sourcedSchema }),
  functions: z.strictObject({
    memoryMb: z.strictObject({ min: sourcedSchema, max: sourcedSchema, step: sourcedSchema }),
    billedMemory: z.enum(['configured', 'observed']).describe('what memory is billed: the setting or the use'),
    cpu: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('proportional'), mbPerVcpu: sourcedSchema }),
      z.strictObject({
        kind: z.literal('table'),
        steps: z.array(z.strictObject({ memoryMb: z.number().int().positive(), vcpu: z.number().positive() })).min(1),
        source: sourceIdSchema,
      }),
      z.strictObject({ kind: z.literal('unpublished'), note: z.string().min(1) }),
    ]),
    durationRoundingMs: sourcedSchema,
    minimumBilledMs: sourcedSchema,
    coldStartMs: sourcedSchema,
    keepAliveMinutes: sourcedSchema,
    maxDurationSeconds: sourcedSchema,
  }),
  queue: z.strictObject({
    requestsPerMessage: sourcedSchema,
    chunkBytes: sourcedSchema.optional().describe('a request larger than this bills as several'),
    minBytesPerRequest: sourcedSchema.optional().describe('per-volume billing: the least a request bills'),
  }),
  /** Multipliers of the on-demand rate for always-on capacity, for sizes without their own rate. */
  commitmentMultiplier: termsSchema,
});
export type Behaviour = z.infer<typeof behaviourSchema>;

export const priceBookSchema = z
  .strictObject({
    id: z.string().regex(/^(aws|azure|gcp)-\d{4}-\d{2}$/, 'must be <provider>-<YYYY>-<MM>'),
    provider: z.enum(BOOK_PROVIDERS),
    date: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM'),
    currency: z.literal('USD'),
    sources: z.record(sourceIdSchema, sourceSchema),
    behaviour: behaviourSchema,
    regions: z.record(z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/), regionSchema),
  })
  .superRefine((book, ctx) => {
    if (book.id !== `${book.provider}-${book.date}`) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: `must be ${book.provider}-${book.date}` });
    }
    const regions = Object.entries(book.regions);
    if (regions.length === 0) ctx.addIssue({ code: 'custom', path: ['regions'], message: 'needs a region' });
    const kinds = new Set(regions.map(([, r]) => `${r.functions.billing}/${r.queue.billing}`));
    if (kinds.size > 1) {
      ctx.addIssue({ code: 'custom', path: ['regions'], message: 'regions of one book must bill alike' });
    }
    for (const [name, region] of regions) {
      if (!(region.vm.defaultSize in region.vm.sizes)) {
        ctx.addIssue({
          code: 'custom',
          path: ['regions', name, 'vm', 'defaultSize'],
          message: `"${region.vm.defaultSize}" is not one of this region's sizes`,
        });
      }
    }
    const used = new Set<string>();
    collectSourceRefs(book.behaviour, ['behaviour'], used, ctx, book.sources);
    collectSourceRefs(book.regions, ['regions'], used, ctx, book.sources);
    for (const id of Object.keys(book.sources)) {
      if (!used.has(id)) ctx.addIssue({ code: 'custom', path: ['sources', id], message: 'is cited by no figure' });
    }
  });
export type PriceBook = z.infer<typeof priceBookSchema>;

/** Walks a book part; every `source` must name an entry of `sources`. */
function collectSourceRefs(
  value: unknown,
  path: (string | number)[],
  used: Set<string>,
  ctx: z.RefinementCtx,
  sources: Record<string, unknown>,
): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => collectSourceRefs(v, [...path, i], used, ctx, sources));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, v] of Object.entries(value)) {
    if (key === 'source' && typeof v === 'string') {
      used.add(v);
      if (!(v in sources)) ctx.addIssue({ code: 'custom', path: [...path, key], message: `unknown source "${v}"` });
    } else {
      collectSourceRefs(v, [...path, key], used, ctx, sources);
    }
  }
}
