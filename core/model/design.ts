/**
 * The design document (`tidemark.design`, version 1) of spec/formats.md as Zod schemas: every field,
 * default and bound. Objects are strict so that a misspelt field ("peakRPS") is reported at its path
 * instead of being silently dropped. Cross-field rules (unique ids, known endpoints, no cycles,
 * pattern fields) live in `superRefine` so that every problem carries its JSON path.
 */
import './zod-config';
import { z } from 'zod';
import { checkPricing } from './check-pricing';
import {
  COMPONENT_DEFAULTS,
  CONNECTION_DEFAULTS,
  DATA_ACCESS_DEFAULTS,
  DECISION_DEFAULTS,
  FUNCTIONS_DEFAULTS,
  LINK_DEFAULTS,
  SIMULATION_DEFAULTS,
  STATIC_DEFAULTS,
  TRAFFIC_MANAGER_DEFAULTS,
  VM_DEFAULTS,
  WORKLOAD_DEFAULTS,
} from './defaults';
import {
  COORDINATE_LIMIT,
  DATA_CLASSES,
  ID_PATTERN,
  KINDS,
  MAX_COMPONENTS,
  MAX_CONNECTIONS,
  MAX_TRACE_POINTS,
  PATTERNS,
  PLACEMENTS,
  resolveWorkload,
  STEP_MINUTES,
} from './design-fields';
import { findCycle } from './graph';
import { dataCentreSchema, pricingSchema } from './pricing-choice';
import { freeTextSchema, nameSchema } from './names';

// The enumerations, bounds and pure helpers live in design-fields.ts (zod-free, for the editor's first
// draw); their types are named here too, where the schemas' types are.
export type { ComponentKind, DataClass, Pattern, Placement, WorkloadFields } from './design-fields';

export const idSchema = z
  .string()
  .regex(ID_PATTERN, 'must be 1–64 characters of a–z, 0–9 and "-", starting with a letter or digit');

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (min: number, max: number) => z.number().finite().min(min).max(max);

export const patternSchema = z.enum(PATTERNS);

export const kindSchema = z.enum(KINDS);

export const placementSchema = z.enum(PLACEMENTS);

export const dataClassSchema = z.enum(DATA_CLASSES);

export const simulationSchema = z.strictObject({
  days: z.number().int().min(1).max(90).default(SIMULATION_DEFAULTS.days),
  stepMinutes: z
    .union(
      STEP_MINUTES.map((s) => z.literal(s)) as unknown as [
        z.ZodLiteral<1>,
        z.ZodLiteral<5>,
        z.ZodLiteral<15>,
        z.ZodLiteral<60>,
      ],
    )
    .default(SIMULATION_DEFAULTS.stepMinutes),
  seed: z.number().int().min(-2147483648).max(2147483647).default(SIMULATION_DEFAULTS.seed),
});

/**
 * One field of `environments`, with its bounds, shared by the two schemas below: the design's (what a
 * user may write: prices a book sets are left absent, the rest defaulted) and the resolved one (what a
 * plan was priced with: every field present). A price book sets the fields marked "book" in the
 * descriptions; core/cost/resolve-environments.ts fills them: the design's own value, else the book's
 * for the chosen region, else the hard default of defaults.ts (provider "custom").
 */
const ENV = {
  coreMonthlyCost: num(0, 1e6),
  headroom: num(0, 10),
  vmSize: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'must be a size name of the price book, e.g. m5.large'),
  vcpu: z.number().int().min(1).max(448),
  hourlyPrice: num(0, 1e4),
  bootSeconds: num(0, 3600),
  cooldownSeconds: num(0, 86400),
  targetUtilization: num(0.05, 1),
  minInstances: z.number().int().min(0).max(10000),
  maxInstances: z.number().int().min(1).max(10000),
  evaluationSeconds: num(10, 3600),
  requestPrice: num(0, 1),
  gbSecondPrice: num(0, 1),
  coldStartMs: num(0, 60000),
  keepAliveMinutes: num(0, 1440),
  concurrencyLimit: z.number().int().min(1).max(1e6),
  maxDurationSeconds: num(1, 86400),
  latencyMs: num(0, 10000),
  egressPricePerGb: num(0, 100),
  linkMonthlyCost: num(0, 1e6),
  pricePerMillionRequests: num(0, 1000),
  requestsPerMessage: z.number().int().min(1).max(10),
  pricePerTib: num(0, 1e5),
  pricePerGbMonth: num(0, 100),
  detectionMinutes: num(0, 1440),
  managerMonthlyCost: num(0, 1e5),
  pricePerMillionQueries: num(0, 1000),
  queriesPerRequest: num(0, 10),
  dataAccessCores: num(0, 1000),
  simplicityMargin: num(0, 0.9),
  sloMinuteShare: num(0, 1),
  dropShare: num(0, 1),
};

/** A price the book sets: absent from the saved design unless its author set it. */
const book = <T extends z.ZodType>(schema: T, what: string) => schema.optional().describe(`book: ${what}`);

/** `environments` as a design holds it (spec/formats.md): every field optional; see ENV above. */
export const environmentsSchema = z.strictObject({
  static: z
    .strictObject({
      coreMonthlyCost: ENV.coreMonthlyCost
        .optional()
        .describe(
          `US dollars per reserved core-month; default: built up from dataCentre when given, else ${STATIC_DEFAULTS.coreMonthlyCost}`,
        ),
      headroom: ENV.headroom.default(STATIC_DEFAULTS.headroom),
    })
    .prefault({}),
  vm: z
    .strictObject({
      size: book(ENV.vmSize, "the book's default size of the region"),
      vcpu: book(ENV.vcpu, 'vCPU of the size'),
      hourlyPrice: book(ENV.hourlyPrice, 'on-demand Linux price of the size per instance-hour'),
      committedHourlyPrice: book(ENV.hourlyPrice, 'the size’s 1y or 3y committed rate (with a commitment)'),
      bootSeconds: ENV.bootSeconds.default(VM_DEFAULTS.bootSeconds),
      cooldownSeconds: ENV.cooldownSeconds.default(VM_DEFAULTS.cooldownSeconds),
      targetUtilization: ENV.targetUtilization.default(VM_DEFAULTS.targetUtilization),
      minInstances: ENV.minInstances.default(VM_DEFAULTS.minInstances),
      maxInstances: ENV.maxInstances.default(VM_DEFAULTS.maxInstances),
      evaluationSeconds: ENV.evaluationSeconds.default(VM_DEFAULTS.evaluationSeconds),
    })
    // An autoscaler whose floor is over its ceiling has no fleet it may run (the form refuses it too).
    .superRefine((vm, ctx) => {
      if (vm.minInstances > vm.maxInstances) {
        ctx.addIssue({
          code: 'custom',
          path: ['minInstances'],
          message: `${vm.minInstances} is more than maxInstances (${vm.maxInstances}): the autoscaler keeps between minInstances and maxInstances instances`,
        });
      }
    })
    .prefault({}),
  functions: z
    .strictObject({
      requestPrice: book(ENV.requestPrice, 'per invocation'),
      gbSecondPrice: book(ENV.gbSecondPrice, 'per GB-second (GCP: per GiB-second of memory)'),
      vcpuSecondPrice: book(ENV.gbSecondPrice, 'per vCPU-second (GCP only)'),
      coldStartMs: book(ENV.coldStartMs, 'the provider’s typical cold start'),
      keepAliveMinutes: book(ENV.keepAliveMinutes, 'how long an idle instance stays warm'),
      concurrencyLimit: ENV.concurrencyLimit.default(FUNCTIONS_DEFAULTS.concurrencyLimit),
      maxDurationSeconds: book(ENV.maxDurationSeconds, 'the invocation cap'),
    })
    .prefault({}),
  link: z
    .strictObject({
      latencyMs: ENV.latencyMs.default(LINK_DEFAULTS.latencyMs),
      egressPricePerGb: book(ENV.egressPricePerGb, 'internet egress per GB'),
      monthlyCost: book(ENV.linkMonthlyCost, 'one VPN connection, gateway or tunnel for 730 hours'),
    })
    .prefault({}),
  queue: z
    .strictObject({
      pricePerMillionRequests: book(ENV.pricePerMillionRequests, 'per million requests (not GCP)'),
      requestsPerMessage: book(ENV.requestsPerMessage, 'billed requests a message makes'),
      pricePerTib: book(ENV.pricePerTib, 'per TiB carried (GCP Pub/Sub only)'),
    })
    .prefault({}),
  storage: z
    .strictObject({
      pricePerGbMonth: book(ENV.pricePerGbMonth, 'object storage per GB-month'),
    })
    .prefault({}),
  trafficManager: z
    .strictObject({
      detectionMinutes: ENV.detectionMinutes.default(TRAFFIC_MANAGER_DEFAULTS.detectionMinutes),
      monthlyCost: book(ENV.managerMonthlyCost, 'zone or profile and the two monitored endpoints, a month'),
      pricePerMillionQueries: book(ENV.pricePerMillionQueries, 'DNS queries per million'),
      queriesPerRequest: ENV.queriesPerRequest.default(TRAFFIC_MANAGER_DEFAULTS.queriesPerRequest),
    })
    .prefault({}),
  apiGateway: z
    .strictObject({
      pricePerMillionRequests: book(ENV.pricePerMillionRequests, 'per million requests'),
    })
    .prefault({}),
  dataAccess: z
    .strictObject({
      cores: ENV.dataAccessCores.default(DATA_ACCESS_DEFAULTS.cores),
    })
    .prefault({}),
  decision: z
    .strictObject({
      simplicityMargin: ENV.simplicityMargin.default(DECISION_DEFAULTS.simplicityMargin),
      sloMinuteShare: ENV.sloMinuteShare.default(DECISION_DEFAULTS.sloMinuteShare),
      dropShare: ENV.dropShare.default(DECISION_DEFAULTS.dropShare),
    })
    .prefault({}),
  dataCentre: dataCentreSchema.optional().describe('derives static.coreMonthlyCost when that is not set'),
});

/**
 * `environments` resolved: every value a plan was priced with (the plan's `assumptions.environments`).
 * Fields only some providers bill are present only there: `functions.vcpuSecondPrice` and
 * `queue.pricePerTib` for GCP (which has no `queue.pricePerMillionRequests`), `vm.committedHourlyPrice`
 * with a commitment, `vm.size` when the design names one.
 */
export const resolvedEnvironmentsSchema = z.strictObject({
  static: z.strictObject({ coreMonthlyCost: ENV.coreMonthlyCost, headroom: ENV.headroom }),
  vm: z.strictObject({
    size: ENV.vmSize.optional(),
    vcpu: ENV.vcpu,
    hourlyPrice: ENV.hourlyPrice,
    committedHourlyPrice: ENV.hourlyPrice.optional(),
    bootSeconds: ENV.bootSeconds,
    cooldownSeconds: ENV.cooldownSeconds,
    targetUtilization: ENV.targetUtilization,
    minInstances: ENV.minInstances,
    maxInstances: ENV.maxInstances,
    evaluationSeconds: ENV.evaluationSeconds,
  }),
  functions: z.strictObject({
    requestPrice: ENV.requestPrice,
    gbSecondPrice: ENV.gbSecondPrice,
    vcpuSecondPrice: ENV.gbSecondPrice.optional(),
    coldStartMs: ENV.coldStartMs,
    keepAliveMinutes: ENV.keepAliveMinutes,
    concurrencyLimit: ENV.concurrencyLimit,
    maxDurationSeconds: ENV.maxDurationSeconds,
  }),
  link: z.strictObject({
    latencyMs: ENV.latencyMs,
    egressPricePerGb: ENV.egressPricePerGb,
    monthlyCost: ENV.linkMonthlyCost,
  }),
  queue: z.strictObject({
    pricePerMillionRequests: ENV.pricePerMillionRequests.optional(),
    requestsPerMessage: ENV.requestsPerMessage,
    pricePerTib: ENV.pricePerTib.optional(),
  }),
  storage: z.strictObject({ pricePerGbMonth: ENV.pricePerGbMonth }),
  trafficManager: z.strictObject({
    detectionMinutes: ENV.detectionMinutes,
    monthlyCost: ENV.managerMonthlyCost,
    pricePerMillionQueries: ENV.pricePerMillionQueries,
    queriesPerRequest: ENV.queriesPerRequest,
  }),
  apiGateway: z.strictObject({ pricePerMillionRequests: ENV.pricePerMillionRequests }),
  dataAccess: z.strictObject({ cores: ENV.dataAccessCores }),
  decision: z.strictObject({
    simplicityMargin: ENV.simplicityMargin,
    sloMinuteShare: ENV.sloMinuteShare,
    dropShare: ENV.dropShare,
  }),
  dataCentre: dataCentreSchema.optional(),
});

export const traceSchema = z.strictObject({
  stepMinutes: z.number().int().min(1).max(1440),
  rps: z.array(num(0, 1e9)).min(1).max(MAX_TRACE_POINTS),
});

export const workloadSchema = z
  .strictObject({
    pattern: patternSchema,
    baseRps: num(0, 1e7),
    peakRps: num(0, 1e8).optional(),
    // Pattern fields stay optional so that a static workload does not carry a period it never uses;
    // resolveWorkload() supplies WORKLOAD_DEFAULTS for the ones a pattern reads.
    periodHours: num(0.25, 24 * 90)
      .optional()
      .describe(`default ${WORKLOAD_DEFAULTS.periodHours}`),
    peakHours: num(0.0167, 24 * 90)
      .optional()
      .describe(`default ${WORKLOAD_DEFAULTS.peakHours}`),
    peakStartHour: num(0, 24 * 90)
      .optional()
      .describe(`default ${WORKLOAD_DEFAULTS.peakStartHour}`),
    spikesPerWeek: num(0, 1000).optional().describe(`default ${WORKLOAD_DEFAULTS.spikesPerWeek}`),
    growthPerMonth: num(-0.99, 10).optional().describe(`default ${WORKLOAD_DEFAULTS.growthPerMonth}`),
    noise: num(0, 1).default(COMPONENT_DEFAULTS.noise),
    trace: traceSchema.optional(),
  })
  .superRefine((w, ctx) => {
    const needsPeak = w.pattern === 'periodic' || w.pattern === 'once-in-a-lifetime' || w.pattern === 'unpredictable';
    if (needsPeak && w.trace === undefined) {
      if (w.peakRps === undefined) {
        ctx.addIssue({ code: 'custom', path: ['peakRps'], message: `required for the ${w.pattern} pattern` });
      } else if (w.peakRps < w.baseRps) {
        ctx.addIssue({
          code: 'custom',
          path: ['peakRps'],
          message: `must be at least baseRps (${w.baseRps}), got ${w.peakRps}`,
        });
      }
    }
    if (w.pattern === 'periodic') {
      const r = resolveWorkload(w);
      if (r.peakHours > r.periodHours) {
        ctx.addIssue({
          code: 'custom',
          path: ['peakHours'],
          message: `must not exceed periodHours (${r.periodHours}), got ${r.peakHours}`,
        });
      }
      if (r.peakStartHour >= r.periodHours) {
        ctx.addIssue({
          code: 'custom',
          path: ['peakStartHour'],
          message: `must be less than periodHours (${r.periodHours}), got ${r.peakStartHour}`,
        });
      }
    }
  });

export const demandSchema = z.strictObject({
  cpuMs: z.number().finite().gt(0, 'must be greater than 0').max(3_600_000),
  memoryMb: z.number().int().min(128).max(10240).default(COMPONENT_DEFAULTS.memoryMb),
  /** Wall-clock time of one request; when absent, cpuMs / 1000 (see resolveDurationSeconds). */
  durationSeconds: z.number().finite().gt(0, 'must be greater than 0').max(86400).optional(),
  /** A sync request that waits longer fails; when absent, API Gateway's 29 s (see resolveTimeoutMs). */
  timeoutMs: z
    .number()
    .finite()
    .gt(0, 'must be greater than 0')
    .max(86_400_000)
    .optional()
    .describe(`default ${COMPONENT_DEFAULTS.timeoutMs}`),
});

export const pinSchema = z
  .strictObject({
    placement: placementSchema,
    cores: z.number().int().min(1).max(100000).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.cores !== undefined && p.placement !== 'static' && p.placement !== 'burst') {
      ctx.addIssue({
        code: 'custom',
        path: ['cores'],
        message: `cores fixes a static reservation; it has no meaning for ${p.placement}`,
      });
    }
  });

export const componentSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  kind: kindSchema,
  workload: workloadSchema.optional(),
  demand: demandSchema,
  stateful: z.boolean().default(COMPONENT_DEFAULTS.stateful),
  dataClass: dataClassSchema.default(COMPONENT_DEFAULTS.dataClass),
  latencySloMs: z.number().finite().gt(0, 'must be greater than 0').max(3_600_000).optional(),
  dataGb: num(0, 1e7).default(0),
  pin: pinSchema.optional(),
});

export const connectionSchema = z.strictObject({
  id: idSchema,
  from: idSchema,
  to: idSchema,
  mode: z.enum(['sync', 'async']).default(CONNECTION_DEFAULTS.mode),
  callsPerRequest: num(0, 10000).default(CONNECTION_DEFAULTS.callsPerRequest),
  payloadKb: num(0, 1e7).default(CONNECTION_DEFAULTS.payloadKb),
});

export const pointSchema = z.strictObject({
  x: num(-COORDINATE_LIMIT, COORDINATE_LIMIT),
  y: num(-COORDINATE_LIMIT, COORDINATE_LIMIT),
});

/**
 * Canvas positions by component id. A record drops a `__proto__` key silently (JSON.parse makes it an
 * own property, zod skips it), so it is looked for first and refused at its path like any other key
 * that names no component.
 */
const layoutSchema = z.preprocess(
  (layout, ctx) => {
    if (isObject(layout) && Object.hasOwn(layout, '__proto__'))
      ctx.addIssue({ code: 'custom', path: ['__proto__'], message: 'not a component id: "__proto__" is never one' });
    return layout;
  },
  z.record(idSchema, pointSchema),
);

export const designSchema = z
  .strictObject({
    format: z.literal('tidemark.design'),
    version: z.literal(1),
    name: nameSchema,
    description: freeTextSchema(10000).optional(),
    simulation: simulationSchema.prefault({}),
    pricing: pricingSchema
      .optional()
      .describe('which price book prices the design: provider, region, commitment (default aws, us-east-1, none)'),
    environments: environmentsSchema.prefault({}),
    components: z.array(componentSchema).min(1, 'a design needs at least one component').max(MAX_COMPONENTS),
    connections: z.array(connectionSchema).max(MAX_CONNECTIONS).default([]),
    layout: layoutSchema.optional(),
  })
  // Cross-reference checks run even when some fields are malformed, so that one pass reports every
  // problem (an unknown endpoint beside a wrong type); hence the defensive reading of `d`.
  .superRefine((d, ctx) => checkReferences(looseDesign(d), ctx), {
    when: (payload) => isObject(payload.value) && Array.isArray(payload.value.components),
  })
  // A region, a VM size or a provider-specific price the chosen book does not have (check-pricing.ts).
  .superRefine((d, ctx) => checkPricing(d, ctx), {
    when: (payload) => isObject(payload.value),
  });

/**
 * The design-wide checks (references, pricing) of `input` as issues, run outside the schema. Zod skips
 * every refinement of the design once one value aborts (a whole-number field holding a fraction:
 * `"memoryMb": 512.5`), which would hide a duplicate id or an unknown endpoint behind it; validateDesign
 * runs these again then (validate.ts).
 */
export function designWideIssues(input: unknown): z.core.$ZodIssue[] {
  if (!isObject(input) || !Array.isArray(input.components)) return [];
  const issues: z.core.$ZodIssue[] = [];
  const ctx = {
    addIssue: (issue: { path?: PropertyKey[]; message?: string }) =>
      issues.push({ code: 'custom', path: issue.path ?? [], message: issue.message ?? '' }),
  } as unknown as z.RefinementCtx;
  checkReferences(looseDesign(input), ctx);
  checkPricing(input, ctx);
  return issues;
}

interface LooseDesign {
  simulation?: unknown;
  components: { id?: unknown; workload?: { pattern?: unknown; trace?: unknown; peakStartHour?: unknown } }[];
  connections?: { id?: unknown; from?: unknown; to?: unknown }[];
  layout?: unknown;
}

/**
 * The design as the cross-reference checks read it: an entry of `components` or `connections` that is
 * not an object (reported by the schema at its index) reads as an empty one, so that its neighbours'
 * duplicate ids and unknown endpoints are still reported, at their own indexes.
 */
function looseDesign(v: object): LooseDesign {
  const d = v as Record<string, unknown>;
  const entries = (list: unknown) => (Array.isArray(list) ? list.map((e: unknown) => (isObject(e) ? e : {})) : []);
  return {
    ...(d.simulation !== undefined ? { simulation: d.simulation } : {}),
    components: entries(d.components),
    connections: entries(d.connections),
    layout: d.layout,
  };
}

function checkReferences(d: LooseDesign, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  // The horizon as written; when it is not a number (reported at simulation), a peak cannot be judged
  // against it, and judging it against the default horizon would blame the peak.
  const written = d.simulation === undefined ? undefined : isObject(d.simulation) ? d.simulation.days : null;
  const days =
    written === undefined
      ? SIMULATION_DEFAULTS.days
      : typeof written === 'number' && Number.isFinite(written)
        ? written
        : null;
  const ids = new Map<string, number>();
  d.components.forEach((c, i) => {
    if (typeof c.id !== 'string') return;
    const first = ids.get(c.id);
    if (first !== undefined)
      issue(['components', i, 'id'], `duplicate component id "${c.id}" (first used by components[${first}])`);
    else ids.set(c.id, i);
    const w = c.workload;
    const start = typeof w?.peakStartHour === 'number' ? w.peakStartHour : WORKLOAD_DEFAULTS.peakStartHour;
    if (w?.pattern === 'once-in-a-lifetime' && w.trace === undefined && days !== null && start >= days * 24) {
      issue(
        ['components', i, 'workload', 'peakStartHour'],
        `the peak starts at hour ${start}, after the ${days}-day horizon ends`,
      );
    }
  });
  const connections = d.connections ?? [];
  const connIds = new Map<string, number>();
  const edges: { from: string; to: string; index: number }[] = [];
  connections.forEach((c, i) => {
    if (typeof c.id === 'string') {
      const first = connIds.get(c.id);
      if (first !== undefined)
        issue(['connections', i, 'id'], `duplicate connection id "${c.id}" (first used by connections[${first}])`);
      else connIds.set(c.id, i);
    }
    for (const end of ['from', 'to'] as const) {
      const target = c[end];
      if (typeof target === 'string' && !ids.has(target))
        issue(['connections', i, end], `unknown component "${target}"`);
    }
    if (typeof c.from === 'string' && c.from === c.to) issue(['connections', i], `connects "${c.from}" to itself`);
    else if (typeof c.from === 'string' && typeof c.to === 'string' && ids.has(c.from) && ids.has(c.to)) {
      edges.push({ from: c.from, to: c.to, index: i });
    }
  });
  if (isObject(d.layout)) {
    for (const key of Object.keys(d.layout)) {
      // __proto__ is refused by the layout schema itself.
      if (!ids.has(key) && key !== '__proto__') issue(['layout', key], `position of unknown component "${key}"`);
    }
  }
  const cycle = findCycle([...ids.keys()], edges);
  if (cycle) {
    const closing = edges[cycle.closingIndex]?.index ?? 0;
    issue(['connections', closing], `connections form a cycle: ${cycle.path.join(' → ')}`);
  }
}

/** The design as stored and simulated: every default filled in. */
export type Design = z.output<typeof designSchema>;
/** The design as a user may write it: defaults optional. */
export type DesignInput = z.input<typeof designSchema>;
export type Component = Design['components'][number];
export type Connection = Design['connections'][number];
export type Workload = NonNullable<Component['workload']>;
/** `environments` as a design holds it: prices a book sets may be absent. */
export type DesignEnvironments = Design['environments'];
/** `environments` resolved (core/cost/resolve-environments.ts): what the engine prices and simulates with. */
export type Environments = z.output<typeof resolvedEnvironmentsSchema>;
export type Simulation = Design['simulation'];
