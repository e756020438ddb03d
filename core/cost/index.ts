/**
 * The cost stage's public face: the price books and what they price. Usage in, cost lines out
 * (spec/formats.md), every price traceable to its book, region and source. Not wired into the engine
 * yet; the older flat formulas of prices.ts still serve it until then.
 *
 *   PRICE_BOOKS / getPriceBook(provider)     → PriceBook          aws | azure | gcp, validated at load
 *   regionPrices(book, region)               → RegionPrices       throws, naming the regions it has
 *   vmSize(book, region, size?)              → the size (default size when none), with its prices
 *   committedHourly(book, region, size, term)→ Sourced            own rate, else on demand × multiplier
 *   priceFunctionRequests / priceFunctionCompute / priceFunctionInvocations(book, region, usage)
 *   priceInstances / priceCommitment / priceApiGateway / priceQueue / priceStorage / priceEgress /
 *   priceSecureLink / priceTrafficManager(book, region, usage)              → CostLine[]
 *   coreMonth(dataCentre) / priceDataCentreCores(dataCentre, cores)         → an own data centre
 */
export * from './books/price-book';
export * from './cost-line';
export * from './price-functions';
export * from './price-services';
export * from './data-centre';
export * from './bill-usage';
