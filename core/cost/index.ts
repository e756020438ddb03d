/**
 * The cost stage's public face: the price books, the design's prices resolved from them, and what
 * they price. Usage in, cost lines out (spec/formats.md), every price traceable to its book, region
 * and source.
 *
 *   PRICE_BOOKS / getPriceBook(provider)     → PriceBook          aws | azure | gcp, validated at load
 *   regionPrices(book, region)               → RegionPrices       throws, naming the regions it has
 *   vmSize(book, region, size?)              → the size (default size when none), with its prices
 *   committedHourly(book, region, size, term)→ Sourced            own rate, else on demand × multiplier
 *   resolveEnvironments(design)              → { env, pricing, origins, … }  design over book over defaults
 *   tariffOf(design) / priceDesign(design)   → Tariff / PricedDesign          what the engine bills with
 *   choosePricing(design, choice)            → Design             switch provider, region or commitment
 *   priceSources(tariff)                     → where each price came from (the plan's assumptions.pricing.sources)
 *   priceFunctionRequests / priceFunctionCompute / priceFunctionInvocations(book, region, usage)
 *   priceInstances / priceCommitment / priceApiGateway / priceQueue / priceStorage / priceEgress /
 *   priceSecureLink / priceTrafficManager(book, region, usage)              → CostLine[]
 *   coreMonth(dataCentre) / priceDataCentreCores(dataCentre, cores)         → an own data centre
 *   billUsage(usage, tariff) and the split's bills                           → the engine's lines
 */
export * from './books/price-book';
export * from './cost-line';
export * from './price-functions';
export * from './price-services';
export * from './data-centre';
export * from './bill-usage';
export * from './resolve-environments';
export * from './tariff';
export * from './choose-pricing';
export * from './price-sources';
