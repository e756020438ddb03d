import type { DesignInput } from '../model/design';

/**
 * Hybrid Backend [CCP]: a static ERP keeps its confidential data on site; a nightly, data-heavy
 * analytics job is triggered through a queue, its input staged into storage by a static-side
 * data-access component whose message carries the data's location.
 */
export const hybridBackend: DesignInput = {
  format: 'tidemark.design',
  version: 1,
  name: 'ERP with nightly analytics (hybrid backend)',
  description:
    'An ERP used all day at a steady rate keeps its confidential database on site. Every night at 01:00 a ' +
    'data-access component exports the day’s records in batches, stages them into storage and queues one ' +
    'message per batch; the analytics job that consumes them is heavy for three hours and idle otherwise.',
  simulation: { days: 30, stepMinutes: 5, seed: 1 },
  components: [
    {
      id: 'erp-ui',
      name: 'ERP front end',
      kind: 'ui',
      workload: { pattern: 'static', baseRps: 30, noise: 0.1 },
      demand: { cpuMs: 15, memoryMb: 512 },
      latencySloMs: 400,
    },
    { id: 'erp', name: 'ERP application', kind: 'service', demand: { cpuMs: 40, memoryMb: 1024 }, latencySloMs: 300 },
    {
      id: 'erp-db',
      name: 'ERP database',
      kind: 'database',
      demand: { cpuMs: 4, memoryMb: 4096 },
      stateful: true,
      dataClass: 'confidential',
      dataGb: 120,
    },
    {
      id: 'data-access',
      name: 'Export data access',
      kind: 'data-access',
      workload: { pattern: 'periodic', baseRps: 0, peakRps: 20, periodHours: 24, peakHours: 3, peakStartHour: 1 },
      demand: { cpuMs: 30, memoryMb: 1024, durationSeconds: 0.2 },
      dataClass: 'confidential',
      dataGb: 40,
    },
    { id: 'analytics-jobs', name: 'Analytics job queue', kind: 'queue', demand: { cpuMs: 1, memoryMb: 256 } },
    {
      id: 'analytics',
      name: 'Nightly analytics',
      kind: 'processing',
      demand: { cpuMs: 1200, memoryMb: 2048, durationSeconds: 1.5 },
      // A batch finishes within a minute of being queued: the night's run is done by morning.
      latencySloMs: 60000,
      dataGb: 40,
    },
    { id: 'staging', name: 'Staged export files', kind: 'storage', demand: { cpuMs: 2, memoryMb: 256 }, dataGb: 40 },
  ],
  connections: [
    { id: 'ui-erp', from: 'erp-ui', to: 'erp', mode: 'sync', callsPerRequest: 1, payloadKb: 8 },
    { id: 'erp-db-read', from: 'erp', to: 'erp-db', mode: 'sync', callsPerRequest: 4, payloadKb: 2 },
    { id: 'export-read', from: 'data-access', to: 'erp-db', mode: 'sync', callsPerRequest: 1, payloadKb: 64 },
    { id: 'export-stage', from: 'data-access', to: 'staging', mode: 'sync', callsPerRequest: 1, payloadKb: 512 },
    { id: 'export-notify', from: 'data-access', to: 'analytics-jobs', mode: 'async', callsPerRequest: 1, payloadKb: 1 },
    { id: 'jobs-analytics', from: 'analytics-jobs', to: 'analytics', mode: 'async', callsPerRequest: 1, payloadKb: 1 },
    { id: 'analytics-read', from: 'analytics', to: 'staging', mode: 'sync', callsPerRequest: 1, payloadKb: 512 },
  ],
  layout: {
    'erp-ui': { x: 0, y: 0 },
    erp: { x: 300, y: 0 },
    'erp-db': { x: 600, y: 0 },
    'data-access': { x: 600, y: 260 },
    'analytics-jobs': { x: 960, y: 140 },
    staging: { x: 960, y: 460 },
    analytics: { x: 1300, y: 300 },
  },
};
