/**
 * Fixtures for tests of pricing; not used by the engine itself.
 */
import type { DataCentre } from '../model/pricing-choice';

/** The own data centre of spec/formats.md's example ("Additions of December 2026"). */
export const SPEC_DATA_CENTRE: DataCentre = {
  serverPrice: 12000,
  coresPerServer: 32,
  amortisationYears: 4,
  wattsPerServer: 450,
  pue: 1.5,
  kwhPrice: 0.15,
  spaceMonthlyPerServer: 100,
  opsMonthlyPerServer: 150,
};

/**
 * Every `environments` value as the design schema filled it in before price books (issue 14): the AWS
 * us-east-1 list prices and the model's defaults, written out. Older saved designs hold exactly this;
 * tests use it to show such designs plan as they did. Not used by the engine itself.
 */
export const LEGACY_ENVIRONMENTS = {
  static: { coreMonthlyCost: 16, headroom: 0.25 },
  vm: {
    vcpu: 2,
    hourlyPrice: 0.096,
    bootSeconds: 120,
    cooldownSeconds: 300,
    targetUtilization: 0.6,
    minInstances: 1,
    maxInstances: 100,
    evaluationSeconds: 60,
  },
  functions: {
    requestPrice: 0.0000002,
    gbSecondPrice: 0.0000166667,
    coldStartMs: 250,
    keepAliveMinutes: 10,
    concurrencyLimit: 1000,
    maxDurationSeconds: 900,
  },
  link: { latencyMs: 20, egressPricePerGb: 0.09, monthlyCost: 36.5 },
  queue: { pricePerMillionRequests: 0.4, requestsPerMessage: 3 },
  storage: { pricePerGbMonth: 0.023 },
  trafficManager: { detectionMinutes: 10, monthlyCost: 1.75, pricePerMillionQueries: 0.4, queriesPerRequest: 0.1 },
  apiGateway: { pricePerMillionRequests: 1 },
  dataAccess: { cores: 1 },
  decision: { simplicityMargin: 0.1, sloMinuteShare: 0.001, dropShare: 0.0001 },
} as const;
