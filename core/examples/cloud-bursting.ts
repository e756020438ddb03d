import type { DesignInput } from '../model/design';

/**
 * Hybrid app / cloud bursting [AZ]: a stateless web tier runs on site and, during a one-off sale,
 * also in the public cloud behind a traffic manager; the sensitive database never leaves the site.
 */
export const cloudBursting: DesignInput = {
  format: 'tidemark.design',
  version: 1,
  name: 'Retail web shop with a flash sale (cloud bursting)',
  description:
    'A web shop with steady daytime traffic runs a one-off twelve-hour sale on day 12 that brings fifteen ' +
    'times the usual visitors. The web and catalogue tiers are stateless; the shop database holds customer ' +
    'and payment data and stays on premises.',
  simulation: { days: 30, stepMinutes: 5, seed: 3 },
  components: [
    {
      id: 'web',
      name: 'Web shop',
      kind: 'ui',
      workload: {
        pattern: 'once-in-a-lifetime',
        baseRps: 40,
        peakRps: 600,
        peakHours: 12,
        peakStartHour: 272,
        noise: 0.1,
      },
      demand: { cpuMs: 20, memoryMb: 512 },
      latencySloMs: 500,
      dataClass: 'public',
    },
    {
      id: 'catalog',
      name: 'Catalogue service',
      kind: 'service',
      demand: { cpuMs: 12, memoryMb: 512 },
      latencySloMs: 200,
    },
    { id: 'cart', name: 'Cart and checkout', kind: 'service', demand: { cpuMs: 25, memoryMb: 512 }, latencySloMs: 300 },
    {
      id: 'shop-db',
      name: 'Shop database',
      kind: 'database',
      demand: { cpuMs: 3, memoryMb: 8192 },
      stateful: true,
      dataClass: 'confidential',
      dataGb: 80,
    },
  ],
  connections: [
    { id: 'web-catalog', from: 'web', to: 'catalog', mode: 'sync', callsPerRequest: 2, payloadKb: 16 },
    { id: 'web-cart', from: 'web', to: 'cart', mode: 'sync', callsPerRequest: 0.2, payloadKb: 4 },
    { id: 'catalog-db', from: 'catalog', to: 'shop-db', mode: 'sync', callsPerRequest: 1, payloadKb: 8 },
    { id: 'cart-db', from: 'cart', to: 'shop-db', mode: 'sync', callsPerRequest: 3, payloadKb: 2 },
  ],
  layout: {
    web: { x: 0, y: 160 },
    catalog: { x: 420, y: 0 },
    cart: { x: 420, y: 340 },
    'shop-db': { x: 840, y: 170 },
  },
};
