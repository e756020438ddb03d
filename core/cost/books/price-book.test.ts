import { describe, expect, it } from 'vitest';
import awsRaw from './aws-2026-11.json';
import azureRaw from './azure-2026-11.json';
import gcpRaw from './gcp-2026-11.json';
import {
  committedHourly,
  loadPriceBook,
  PRICE_BOOKS,
  priceBookSchema,
  regionPrices,
  type PriceBook,
} from './price-book';

const RAW: Record<string, unknown> = { aws: awsRaw, azure: azureRaw, gcp: gcpRaw };
const books = Object.values(PRICE_BOOKS);
type JsonObject = Record<string, unknown>;
/** The object at `path` inside `raw` (array indexes too), to change one field of a cloned book. */
function at(raw: unknown, ...path: (string | number)[]): JsonObject {
  let node = raw;
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as JsonObject)[key] : undefined;
  if (typeof node !== 'object' || node === null) throw new Error(`no object at ${path.join('.')}`);
  return node as JsonObject;
}
const clone = (raw: unknown): JsonObject => at(structuredClone(raw));

/** Every number of a JSON value with its path and whether an enclosing object names a source. */
function numbers(value: unknown, path: string[] = [], sourced = false): { path: string; sourced: boolean }[] {
  if (typeof value === 'number') return [{ path: path.join('.'), sourced }];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, [...path, String(i)], sourced));
  if (typeof value !== 'object' || value === null) return [];
  const here = sourced || typeof (value as { source?: unknown }).source === 'string';
  return Object.entries(value).flatMap(([k, v]) => numbers(v, [...path, k], here));
}

describe('the price books', () => {
  it('each validates against the schema and is the current book of its provider', () => {
    for (const [provider, raw] of Object.entries(RAW)) {
      const book = priceBookSchema.parse(raw);
      expect(book.provider).toBe(provider);
      expect(book.id).toBe(`${provider}-2026-11`);
      expect(book.currency).toBe('USD');
    }
  });

  it('cover two regions each, named as each provider names them', () => {
    expect(Object.keys(PRICE_BOOKS.aws.regions)).toEqual(['us-east-1', 'eu-west-1']);
    expect(Object.keys(PRICE_BOOKS.azure.regions)).toEqual(['eastus', 'westeurope']);
    expect(Object.keys(PRICE_BOOKS.gcp.regions)).toEqual(['us-central1', 'europe-west1']);
  });

  it('give every region every price, billed as the provider bills', () => {
    const services = [
      'name',
      'vm',
      'functions',
      'apiGateway',
      'queue',
      'storage',
      'egress',
      'secureLink',
      'trafficManager',
    ];
    const billing = { aws: 'gb-second/per-request', azure: 'gb-second/per-request', gcp: 'vcpu-gib-second/per-volume' };
    for (const book of books) {
      for (const region of Object.values(book.regions)) {
        expect(Object.keys(region).sort()).toEqual([...services].sort());
        expect(`${region.functions.billing}/${region.queue.billing}`).toBe(billing[book.provider]);
        expect(Object.keys(region.vm.sizes).length).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('carry every VM size in both regions of a book, so a design can switch region', () => {
    for (const book of books) {
      const [first, ...others] = Object.values(book.regions).map((r) => Object.keys(r.vm.sizes).sort());
      for (const sizes of others) expect(sizes).toEqual(first);
    }
  });

  it('give every number a source', () => {
    for (const [provider, raw] of Object.entries(RAW)) {
      const unsourced = numbers((raw as PriceBook).behaviour)
        .concat(numbers((raw as PriceBook).regions))
        .filter((n) => !n.sourced);
      expect(unsourced, provider).toEqual([]);
    }
  });

  it('give every source an https page, a checked date no later than today and a basis', () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const book of books) {
      for (const [id, s] of Object.entries(book.sources)) {
        expect(s.url, id).toMatch(/^https:\/\//);
        expect(s.checked <= today, `${book.id} ${id} checked ${s.checked}`).toBe(true);
        expect(s.checked >= `${book.date}-01`, `${book.id} ${id} checked before the book's month`).toBe(true);
      }
    }
  });

  it('price nothing at zero except what the providers give free, each saying so', () => {
    const zeros = books.flatMap((book) =>
      Object.entries(book.regions).flatMap(([region, r]) =>
        [
          ['trafficManager.perZoneMonth', r.trafficManager.perZoneMonth],
          ['trafficManager.perHealthCheckMonth', r.trafficManager.perHealthCheckMonth],
          ['trafficManager.perExternalHealthCheckMonth', r.trafficManager.perExternalHealthCheckMonth],
          ['storage.perGbMonth', r.storage.perGbMonth],
          ['egress.perGb', r.egress.perGb],
          ['secureLink.perHour', r.secureLink.perHour],
          ['functions.perMillionRequests', r.functions.perMillionRequests],
        ]
          .filter(([, p]) => (p as { value: number }).value === 0)
          .map(([path]) => `${book.id} ${region} ${path as string}`),
      ),
    );
    expect(zeros).toEqual([
      'azure-2026-11 eastus trafficManager.perZoneMonth',
      'azure-2026-11 westeurope trafficManager.perZoneMonth',
      'gcp-2026-11 us-central1 trafficManager.perHealthCheckMonth',
      'gcp-2026-11 us-central1 trafficManager.perExternalHealthCheckMonth',
      'gcp-2026-11 europe-west1 trafficManager.perHealthCheckMonth',
      'gcp-2026-11 europe-west1 trafficManager.perExternalHealthCheckMonth',
    ]);
  });

  it('hold the reference figures of pricing-and-scaling.md for us-east-1', () => {
    const r = regionPrices(PRICE_BOOKS.aws, 'us-east-1');
    expect(r.vm.sizes['m5.large']?.hourly.value).toBe(0.096);
    expect(r.vm.sizes['t3.medium']?.hourly.value).toBe(0.0416);
    expect(r.functions.perMillionRequests.value).toBe(0.2);
    expect(r.functions.billing === 'gb-second' && r.functions.perGbSecond.tiers[0]?.value).toBe(0.0000166667);
    expect(r.queue.billing === 'per-request' && r.queue.perMillionRequests.value).toBe(0.4);
    expect(r.storage.perGbMonth.value).toBe(0.023);
    expect(r.egress.perGb.value).toBe(0.09);
    expect(r.apiGateway.perMillionRequests.tiers[0]?.value).toBe(1);
    expect(r.secureLink.perHour.value).toBe(0.05);
  });
});

describe('the book schema refuses', () => {
  const problems = (raw: unknown) => {
    const r = priceBookSchema.safeParse(raw);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('a price without a source', () => {
    const raw = clone(awsRaw);
    delete at(raw, 'regions', 'us-east-1', 'storage', 'perGbMonth').source;
    expect(problems(raw).join('\n')).toMatch(/regions\.us-east-1\.storage\.perGbMonth\.source/);
  });

  it('a source id that the sources map lacks, and a source nothing cites', () => {
    const raw = clone(awsRaw);
    at(raw, 'regions', 'us-east-1', 'storage', 'perGbMonth').source = 's3-typo';
    expect(problems(raw)).toContain('regions.us-east-1.storage.perGbMonth.source: unknown source "s3-typo"');
    at(raw, 'sources').unused = { url: 'https://example.com/', checked: '2026-12-01', basis: 'page' };
    at(raw, 'regions', 'us-east-1', 'storage', 'perGbMonth').source = 's3';
    expect(problems(raw)).toEqual(['sources.unused: is cited by no figure']);
  });

  it('a region without one of the prices', () => {
    const raw = clone(gcpRaw);
    delete at(raw, 'regions', 'europe-west1').secureLink;
    expect(problems(raw).join('\n')).toMatch(/regions\.europe-west1\.secureLink/);
  });

  it('a misspelt field', () => {
    const raw = clone(azureRaw);
    const storage = at(raw, 'regions', 'eastus', 'storage');
    storage.perGBMonth = storage.perGbMonth;
    expect(problems(raw).join('\n')).toMatch(/perGBMonth/);
  });

  it('tiers out of order, or with an end on the last', () => {
    const raw = clone(awsRaw);
    const tiers = (i: number) => at(raw, 'regions', 'us-east-1', 'functions', 'perGbSecond', 'tiers', i);
    tiers(1).upTo = 5e9;
    expect(problems(raw)).toContain('regions.us-east-1.functions.perGbSecond.tiers.1.upTo: must be above 6000000000');
    tiers(1).upTo = 15e9;
    tiers(2).upTo = 20e9;
    expect(problems(raw)).toContain(
      'regions.us-east-1.functions.perGbSecond.tiers.2.upTo: only the last tier has no end (null)',
    );
  });

  it('a secondary source that does not say what it was read in, and a default size it does not have', () => {
    const raw = clone(awsRaw);
    delete at(raw, 'sources', 'sqs').via;
    at(raw, 'regions', 'eu-west-1', 'vm').defaultSize = 'm5.huge';
    expect(problems(raw)).toEqual([
      'sources.sqs.via: a secondary source names what it was read in',
      `regions.eu-west-1.vm.defaultSize: "m5.huge" is not one of this region's sizes`,
    ]);
  });

  it('regions of one book that bill differently', () => {
    const raw = clone(gcpRaw);
    const region = at(raw, 'regions', 'europe-west1');
    const queue = at(region, 'queue');
    region.queue = { billing: 'per-request', perMillionRequests: queue.perTib, freeRequests: queue.freeGib };
    expect(problems(raw)).toContain('regions: regions of one book must bill alike');
  });

  it('and loading names the file and the problem', () => {
    const raw = clone(awsRaw);
    raw.date = '2026-13';
    expect(() => loadPriceBook(raw, 'aws-2026-13.json')).toThrow(
      /price book aws-2026-13\.json is invalid: date: must be YYYY-MM/,
    );
  });
});

describe('book look-ups', () => {
  it('name the regions a book has when asked for one it lacks', () => {
    expect(() => regionPrices(PRICE_BOOKS.azure, 'eu-west-1')).toThrow(
      'price book azure-2026-11 has no region "eu-west-1"; it has eastus, westeurope',
    );
  });

  it('use a size’s own committed rate, else the provider’s multiplier', () => {
    expect(committedHourly(PRICE_BOOKS.aws, 'us-east-1', 't3.medium', '1y').value).toBe(0.0261);
    expect(committedHourly(PRICE_BOOKS.aws, 'us-east-1', 't3.medium', '3y').value).toBe(0.018);
    // m5.large has no rate of its own: $0.096 × 0.627 and × 0.433.
    expect(committedHourly(PRICE_BOOKS.aws, 'us-east-1', 'm5.large', '1y').value).toBeCloseTo(0.060192, 9);
    expect(committedHourly(PRICE_BOOKS.gcp, 'us-central1', undefined, '3y').value).toBeCloseTo(0.067006 * 0.45, 9);
  });
});
