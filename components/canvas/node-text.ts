/**
 * The short texts a canvas node carries, shared by the node, its accessible name and the SVG export:
 * how busy it is, its monthly cost in a few characters, and the sentence a screen reader hears.
 */
import { KIND_LABELS, PLACEMENT_PHRASES, type Component, type Placement } from '@/core/model';
import { formatCount, formatMoney } from '@/core/present';

/** 0.42 → "42 %"; beyond 999 % (or no capacity at all) the exact figure stops meaning anything. */
export function formatBusy(u: number): string {
  return Number.isFinite(u) && u < 10 ? `${Math.round(u * 100)} %` : '>999 %';
}

const compactMoney = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  notation: 'compact',
  maximumFractionDigits: 1,
});

/** `$88.46/mo`; from $10,000 on, `$12.3K/mo`, so that a node's cost line always fits. */
export function formatNodeCost(dollars: number): string {
  return `${dollars < 10_000 ? formatMoney(dollars) : compactMoney.format(dollars)}/mo`;
}

const COMPACT_NAME = 18;

/**
 * A compact node's name (use-compact.ts), cut in the text rather than by an overflow clip: a clip is
 * one more paint chunk per node on every frame of a drag. 18 characters of 13 px bold fit its 170 px.
 */
export function shortName(name: string): string {
  return name.length > COMPACT_NAME ? `${name.slice(0, COMPACT_NAME - 1).trimEnd()}…` : name;
}

const calls = (n: number) => {
  const figure = Number(n.toPrecision(3));
  return `${figure.toLocaleString('en-US')} call${figure === 1 ? '' : 's'}`;
};

/** A connection's label on the canvas: `sync, 1 call` or `async, 0.35 calls` (per request, to three significant digits). */
export function connectionLabel(c: { mode: string; callsPerRequest: number }): string {
  return `${c.mode}, ${calls(c.callsPerRequest)}`;
}

/** The same in a sentence, for a tooltip and a screen reader. */
export function connectionSentence(c: { mode: string; callsPerRequest: number }, crossing: boolean): string {
  const mode = c.mode === 'async' ? 'Asynchronous (a message)' : 'Synchronous (the caller waits)';
  return `${mode}: ${calls(c.callsPerRequest)} per request${crossing ? '; crosses between the data centre and the cloud' : ''}.`;
}

export function nodeLabel(
  c: Component,
  placement: Placement | null,
  cost: number | null,
  replay: { utilisation: number; dropping: boolean; dropped: number; missingSlo: boolean } | null,
  unsaved = false,
): string {
  const parts = [`${c.name}, ${KIND_LABELS[c.kind]}`];
  if (unsaved) parts.push('holds a value that is not saved');
  if (placement) parts.push(`runs ${PLACEMENT_PHRASES[placement]}`);
  if (placement && cost !== null) parts.push(`${formatMoney(cost)} a month`);
  if (replay) {
    parts.push(`${formatBusy(replay.utilisation)} busy`);
    if (replay.dropping) parts.push(`${formatCount(replay.dropped)} requests dropped`);
    if (replay.missingSlo) parts.push('missing its latency SLO');
  }
  return parts.join(', ');
}
