/**
 * A plan's chart series as text, for storing beside a plan computed on the server (server/plans/) and
 * sending it to a share page: each Float32Array as base64 of its bytes (little-endian, as every
 * platform that runs Tidemark stores them), about a third of the JSON of its numbers, and exact — a
 * decoded series holds the very floats the engine wrote. Uses only `btoa`/`atob`, which both Node and
 * browsers have, so the server encodes and the share page decodes with this one module.
 */
import type { ChartSeries, PlanSeries } from '@/core/plan';

const FIELDS = [
  'demand',
  'capacity',
  'latencyMs',
  'dropped',
  'sloMinutes',
] as const satisfies readonly (keyof ChartSeries)[];
/** Characters per String.fromCharCode call: below every engine's argument limit. */
const CHUNK = 0x8000;

function toBase64(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

function fromBase64(text: string): Float32Array {
  const binary = atob(text);
  if (binary.length % 4 !== 0) throw new Error('a chart series is not a whole number of 32-bit floats');
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return new Float32Array(bytes.buffer);
}

export type EncodedSeries = {
  pointMinutes: number;
  components: Record<string, Record<string, Record<string, string>>>;
};

export function encodeSeries(series: PlanSeries): string {
  const components: EncodedSeries['components'] = {};
  for (const [id, options] of Object.entries(series.components)) {
    const out: Record<string, Record<string, string>> = {};
    for (const [placement, s] of Object.entries(options)) {
      out[placement] = Object.fromEntries(FIELDS.map((f) => [f, toBase64(s[f])]));
    }
    components[id] = out;
  }
  return JSON.stringify({ pointMinutes: series.pointMinutes, components } satisfies EncodedSeries);
}

/** The series from their text, or from that text already parsed (a share page's answer carries it as JSON). */
export function decodeSeries(value: string | EncodedSeries): PlanSeries {
  const encoded = typeof value === 'string' ? (JSON.parse(value) as EncodedSeries) : value;
  const components: Record<string, Record<string, ChartSeries>> = {};
  for (const [id, options] of Object.entries(encoded.components)) {
    const out: Record<string, ChartSeries> = {};
    for (const [placement, s] of Object.entries(options)) {
      const decoded = Object.fromEntries(FIELDS.map((f) => [f, fromBase64(s[f] ?? '')]));
      out[placement] = decoded as unknown as ChartSeries;
    }
    components[id] = out;
  }
  return { pointMinutes: encoded.pointMinutes, components: components };
}
