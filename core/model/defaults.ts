/**
 * Every number that models the world, in one place, each with its source.
 * The design schema uses these as the defaults of `environments` that no price book sets (boot time,
 * cooldown, headroom, tolerances …). The prices below are the *hard defaults*: since issue 14 a price
 * book (core/cost/books) sets them for the chosen provider and region, and these apply only to
 * provider "custom" (no book). They are AWS us-east-1 list prices, so a design priced by the default
 * book (aws-2026-11, us-east-1) gets the same figures either way. The engine reads the resolved values
 * (core/cost/resolve-environments.ts), never from here directly, so a plan always carries what it used.
 * Sources: ../shared/reference/pricing-and-scaling.md (us-east-1 list prices as published).
 */

export const STATIC_DEFAULTS = {
  // No list price exists for one's own data centre. Assumption: a 2-socket, 64-core server at about
  // $12,000 amortised over 48 months is ~$3.9 per core-month of hardware; power, cooling, space and
  // operations staff typically cost three times the hardware again (Uptime Institute TCO rules of
  // thumb), so four times it in all: ~$15.6, taken as $16.
  // With an m5.large vCPU at $35.04 a month this makes Weinman's utility premium U ≈ 2.2, inside
  // the plausible 1.5–3 range the reference asks for.
  coreMonthlyCost: 16,
  // Capacity planners size for peak plus a safety margin; 25 % is a common planning rule.
  headroom: 0.25,
} as const;

export const VM_DEFAULTS = {
  // EC2 m5.large: 2 vCPU, 8 GiB, $0.096 per hour on demand (EC2 on-demand price list, us-east-1).
  vcpu: 2,
  hourlyPrice: 0.096,
  // VM start-up: 44–810 s in 2012 (Mao & Humphrey, IEEE CLOUD 2012), ~1–2 min today
  // (Hao et al., arXiv 2107.03467). Two minutes.
  bootSeconds: 120,
  // EC2 Auto Scaling default cooldown: 300 s (AWS Auto Scaling user guide).
  cooldownSeconds: 300,
  // Target-tracking on average CPU; the Azure hybrid guide scales out above 50 %, AWS examples use
  // 50–70 %. 60 % sits between.
  targetUtilization: 0.6,
  // Azure burst reference autoscales 1–10 instances; a group keeps at least one instance warm.
  minInstances: 1,
  maxInstances: 100,
  // How often the autoscaler takes a datapoint and decides: EC2 target tracking works on 1-minute
  // metrics (EC2 Auto Scaling user guide, "Target tracking scaling policies"; its alarms need 3
  // datapoints above the target to scale out, 15 below to scale in). Checked 2026-12.
  evaluationSeconds: 60,
} as const;

export const FUNCTIONS_DEFAULTS = {
  // AWS Lambda: $0.20 per million requests; $0.0000166667 per GB-second, x86 (AWS Lambda pricing).
  requestPrice: 0.0000002,
  gbSecondPrice: 0.0000166667,
  // Cold start, Node.js 20 at 256 MB: mean 242 ms, p90 584 ms (mikhail.io cold-start study).
  coldStartMs: 250,
  // An idle instance is kept warm about 10 minutes on AWS (mikhail.io cold-start study).
  keepAliveMinutes: 10,
  // Lambda concurrency: 1,000 per region by default (AWS Lambda quotas).
  concurrencyLimit: 1000,
  // Lambda: at most 15 minutes per invocation (AWS Lambda quotas).
  maxDurationSeconds: 900,
} as const;

/**
 * How a function's CPU follows its memory without a price book (provider "custom"): AWS Lambda's
 * rule, CPU in proportion to memory, one full vCPU at 1,769 MB (AWS Lambda developer guide, "Memory
 * and computing power", checked 2026-12): below it a request's CPU time stretches by 1,769 ÷ memory;
 * above it the extra vCPUs do not speed up one single-threaded request. With a book the book's rule
 * applies (core/cost/function-cpu.ts): GCP's memory table, Azure's one core per instance.
 */
export const FUNCTION_CPU = {
  aws: { fullVcpuMemoryMb: 1769 },
} as const;
export type FunctionProvider = keyof typeof FUNCTION_CPU;

export const LINK_DEFAULTS = {
  // Assumption: a VPN or dedicated link between a data centre and a nearby cloud region adds
  // 10–30 ms round trip; 20 ms. Planned for per R8 (Azure hybrid patterns).
  latencyMs: 20,
  // Data transfer out of AWS to the internet: $0.09 per GB (S3 / EC2 pricing, first 10 TB).
  egressPricePerGb: 0.09,
  // AWS Site-to-Site VPN: $0.05 per connection-hour (aws.amazon.com/vpn/pricing, us-east-1, as listed
  // in reference/pricing-and-scaling.md, 2026-11) × 730 hours = $36.50 a month, whatever flows over it.
  monthlyCost: 36.5,
} as const;

export const QUEUE_DEFAULTS = {
  // SQS standard: $0.40 per million requests (SQS pricing).
  pricePerMillionRequests: 0.4,
  // A message is send + receive + delete = 3 requests (SQS pricing; test vector T9: $1.20 per
  // million messages).
  requestsPerMessage: 3,
} as const;

export const STORAGE_DEFAULTS = {
  // S3 standard: $0.023 per GB-month (S3 pricing).
  pricePerGbMonth: 0.023,
} as const;

export const TRAFFIC_MANAGER_DEFAULTS = {
  // Azure hybrid cross-cloud scaling guide: scale out when CPU > 50 % for 10 minutes.
  detectionMinutes: 10,
  // Route 53 (aws.amazon.com/route53/pricing, 2026-11): $0.50 per hosted zone-month, and a health
  // check on each side of the burst: $0.50 a month for the AWS endpoint, $0.75 for the on-premises
  // (non-AWS) one. 0.50 + 0.50 + 0.75 = $1.75 a month per burst component.
  monthlyCost: 1.75,
  // Route 53 standard queries (weighted routing): $0.40 per million (same page).
  pricePerMillionQueries: 0.4,
  // Assumption: resolvers and browsers cache the answer for the record's TTL (60 s for a weighted
  // failover record), and a user makes several requests per page view and per visit, so far fewer
  // DNS queries reach the manager than requests reach the service. One query per ten requests is a
  // cautious share (it prices the manager high rather than low).
  queriesPerRequest: 0.1,
} as const;

export const API_GATEWAY_DEFAULTS = {
  // API Gateway HTTP APIs: $1.00 per million requests (API Gateway pricing).
  pricePerMillionRequests: 1.0,
} as const;

export const DATA_ACCESS_DEFAULTS = {
  // Assumption: a data-access element inserted to stage data (Hybrid Backend [CCP]) copies tens of
  // gigabytes a day, a fraction of one core's time; it still takes the smallest static reservation,
  // one core in the data centre, billed at the static core-month.
  cores: 1,
} as const;

/** How a decision is made: the tolerances of "meets the SLO" and the price of simplicity (R12). */
export const DECISION_DEFAULTS = {
  // R12: a split (burst) or a move away from the neighbours' environment must save at least 10 % of
  // the simpler choice's cost. A cost estimate made before building is itself uncertain by about
  // that much at best: AACE International's Recommended Practice 18R-97 gives a class 3 estimate
  // (budget authorisation) an accuracy of −10…−20 % to +10…+30 %, so a smaller saving is within the
  // estimate's own error and no reason to run a service in two places.
  simplicityMargin: 0.1,
  // "Meets the SLO": at most 0.1 % of the horizon's minutes in violation — the 99.9 % tier of cloud
  // compute SLAs (EC2, Azure VMs) — and at most 0.01 % of requests dropped over the month.
  sloMinuteShare: 0.001,
  dropShare: 0.0001,
} as const;

export const SIMULATION_DEFAULTS = {
  days: 30,
  stepMinutes: 5,
  seed: 1,
} as const;

export const COMPONENT_DEFAULTS = {
  // Lambda's memory range is 128–10,240 MB (AWS Lambda quotas); 512 MB is the spec's default.
  memoryMb: 512,
  // A sync request still waiting after 29 s fails: API Gateway's integration timeout (API Gateway
  // quotas, "Integration timeout … 29 seconds", checked 2026-12). The spec's default for timeoutMs.
  timeoutMs: 29_000,
  dataClass: 'internal',
  stateful: false,
  noise: 0,
} as const;

export const CONNECTION_DEFAULTS = {
  mode: 'sync',
  callsPerRequest: 1,
  // A typical JSON API request or response is a few kilobytes.
  payloadKb: 4,
} as const;

/** Pattern fields that the spec leaves to us; chosen to make an unfilled pattern sensible. */
export const WORKLOAD_DEFAULTS = {
  periodHours: 24, // a daily cycle is the most common periodic workload [CCP]
  peakHours: 2,
  peakStartHour: 0,
  spikesPerWeek: 2,
  growthPerMonth: 0.1,
} as const;

/** A month is 730 hours: the cloud price-list convention (spec/formats.md). */
export const HOURS_PER_MONTH = 730;

/**
 * Constants of the engine's model that stand for the world but are not settable in a design. Each is
 * an assumption with its reasoning; change one here and every plan says so through its figures.
 */
export const MODEL_ASSUMPTIONS = {
  // A peak builds and fades over a quarter of its length at each end: daily and launch peaks ramp over
  // tens of minutes to hours (the catalogue's sketches show ramps, not steps [CCP]).
  peakRampShare: 0.25,
  // Unpredictable spikes rise fast (a tenth of their length): viral posts and campaigns arrive within
  // minutes. Lengths are exponential with a mean of 1 h, kept within 15 min–6 h; heights uniform in
  // 30–100 % of the lift, scaled so the tallest reaches peakRps (our reading of [CCP] "unpredictable").
  spikeRampShare: 0.1,
  spikeMeanHours: 1,
  spikeMinHours: 0.25,
  spikeMaxHours: 6,
  spikeMinHeight: 0.3,
  // A traffic manager fills healthy cloud instances to 90 % of their capacity before holding traffic
  // back (weighted DNS cannot split exactly; the Azure guide keeps headroom in the cloud pool).
  cloudFill: 0.9,
  // A stretch of time counts as violating when more than 0.1 % of its requests are dropped.
  stepDropShare: 0.001,
  // Weinman's R3 test looks at the share of time "near peak": at or above 80 % of it.
  nearPeakShare: 0.8,
} as const;
