/**
 * The price books Tidemark ships, validated once when this module loads, and the look-ups the pricing
 * functions use. A book that fails its schema fails loudly here (and in price-book.test.ts), never
 * halfway through a plan.
 */
import type { CommitmentTerm } from '../../model/pricing-choice';
import awsBook from './aws-2026-11.json';
import azureBook from './azure-2026-11.json';
import gcpBook from './gcp-2026-11.json';
import {
  priceBookSchema,
  type BookProvider,
  type PriceBook,
  type RegionPrices,
  type Sourced,
} from './price-book-schema';

export * from './price-book-schema';

/** Parses a book, naming the file and the first problems if it is malformed. */
export function loadPriceBook(raw: unknown, file: string): PriceBook {
  const result = priceBookSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(book)'}: ${i.message}`)
    .join('; ');
  throw new Error(`price book ${file} is invalid: ${problems}`);
}

/** The current book of each provider. */
export const PRICE_BOOKS: Readonly<Record<BookProvider, PriceBook>> = {
  aws: loadPriceBook(awsBook, 'aws-2026-11.json'),
  azure: loadPriceBook(azureBook, 'azure-2026-11.json'),
  gcp: loadPriceBook(gcpBook, 'gcp-2026-11.json'),
};

export function getPriceBook(provider: BookProvider): PriceBook {
  return PRICE_BOOKS[provider];
}

/** A region's prices; an unknown region is an error that lists the ones the book has. */
export function regionPrices(book: PriceBook, region: string): RegionPrices {
  const prices = book.regions[region];
  if (prices === undefined) {
    throw new Error(`price book ${book.id} has no region "${region}"; it has ${Object.keys(book.regions).join(', ')}`);
  }
  return prices;
}

/** A VM size of a region; the region's default size when none is named. */
export function vmSize(book: PriceBook, region: string, size?: string) {
  const vm = regionPrices(book, region).vm;
  const name = size ?? vm.defaultSize;
  const found = vm.sizes[name];
  if (found === undefined) {
    throw new Error(
      `price book ${book.id} has no size "${name}" in ${region}; it has ${Object.keys(vm.sizes).join(', ')}`,
    );
  }
  return { name, ...found };
}

/**
 * The committed hourly rate of a size: its own published rate when the book has one, else the
 * on-demand rate × the provider's multiplier for the term. The source travels with it for the plan.
 */
export function committedHourly(
  book: PriceBook,
  region: string,
  size: string | undefined,
  term: CommitmentTerm,
): Sourced {
  const s = vmSize(book, region, size);
  const own = s.committedHourly?.[term];
  if (own !== undefined) return own;
  const m = book.behaviour.commitmentMultiplier[term];
  return {
    value: s.hourly.value * m.value,
    source: m.source,
    note: `${s.name} on demand × ${m.value} (${book.behaviour.products.commitment}, ${term})`,
  };
}
