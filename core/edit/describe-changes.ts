/**
 * What changed from one revision of a design to the next, in a line a person reads in the revisions
 * list: `peak load of Web shop 600 → 1,200; added Queue; moved 3 components`. Pure, from the two
 * documents; the most telling changes first, at most a few named, the rest counted.
 */
import type { Component, Connection, Design } from '../model/design';
import { PLACEMENT_NOUNS, WORKLOAD_FIELD_LABELS } from '../model/labels';
import { plural } from '../present/format';
import { assumptionEdits } from './assumptions';

/** How many changes are named before the rest are only counted. */
const NAMED = 3;

const number = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function show(v: unknown): string {
  if (v === undefined) return 'none';
  if (typeof v === 'number') return number.format(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

const FIELD_WORDS: Record<string, string> = {
  name: 'name',
  kind: 'kind',
  stateful: 'stateful',
  dataClass: 'data class',
  latencySloMs: 'latency SLO (ms)',
  dataGb: 'data per day (GB)',
  'demand.cpuMs': 'CPU time (ms)',
  'demand.memoryMb': 'memory (MB)',
  'demand.durationSeconds': 'duration (s)',
  'workload.pattern': 'pattern',
  ...Object.fromEntries(
    Object.entries(WORKLOAD_FIELD_LABELS).map(([k, label]) => [
      `workload.${k}`,
      label.replace(/ \(.*\)$/, '').toLowerCase(),
    ]),
  ),
};

/** Where a pin puts a component, in the placements' words: "the data centre (2 cores)", not "static (2 cores)". */
function pinnedTo(pin: NonNullable<Component['pin']>): string {
  const where = PLACEMENT_NOUNS[pin.placement];
  if (pin.cores === undefined) return where;
  return `${where} (${pin.placement === 'burst' ? `a base of ${plural(pin.cores, 'core')}` : plural(pin.cores, 'core')})`;
}

/** "3 components, 1 connection": a revision's size, as the revisions list shows it. */
export function describeRevisionSize(componentCount: number, connectionCount: number): string {
  return `${plural(componentCount, 'component')}, ${plural(connectionCount, 'connection')}`;
}

/** The component's fields that differ, as `field a → b` (a measured series counts as one field). */
export function componentEdits(before: Component, after: Component): string[] {
  const flat = (c: Component): Record<string, unknown> => {
    const { workload, demand, pin, id: _id, ...rest } = c;
    const out: Record<string, unknown> = { ...rest };
    for (const [k, v] of Object.entries(demand)) out[`demand.${k}`] = v;
    if (workload) {
      const { trace, ...fields } = workload;
      for (const [k, v] of Object.entries(fields)) out[`workload.${k}`] = v;
      if (trace) out['workload.trace'] = `${trace.rps.length} points`;
    }
    if (pin) out.pin = pinnedTo(pin);
    return out;
  };
  const a = flat(before);
  const b = flat(after);
  const edits: string[] = [];
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (same(a[key], b[key])) continue;
    if (key === 'workload.trace')
      edits.push(b[key] === undefined ? 'measured series removed' : 'measured series attached');
    else if (key === 'pin') edits.push(b[key] === undefined ? 'unpinned' : `pinned to ${show(b[key])}`);
    else edits.push(`${FIELD_WORDS[key] ?? key} ${show(a[key])} → ${show(b[key])}`);
  }
  return edits;
}

/** A connection's mode, calls per request and payload where they differ, as `a → b`. */
export function connectionEdits(before: Connection, after: Connection): string[] {
  const edits: string[] = [];
  if (before.mode !== after.mode) edits.push(`${before.mode} → ${after.mode}`);
  if (before.callsPerRequest !== after.callsPerRequest)
    edits.push(`calls per request ${show(before.callsPerRequest)} → ${show(after.callsPerRequest)}`);
  if (before.payloadKb !== after.payloadKb)
    edits.push(`payload ${show(before.payloadKb)} → ${show(after.payloadKb)} KB`);
  return edits;
}

function listed(verb: string, names: string[], what: string): string | null {
  if (names.length === 0) return null;
  return names.length <= NAMED ? `${verb} ${names.join(', ')}` : `${verb} ${plural(names.length, what)}`;
}

/** '' when the two documents are the same; otherwise the changes, most telling first, joined by '; '. */
export function describeChanges(before: Design, after: Design): string {
  if (before === after) return '';
  const parts: (string | null)[] = [];
  if (before.name !== after.name) parts.push(`renamed “${before.name}” → “${after.name}”`);

  const old = new Map(before.components.map((c) => [c.id, c]));
  const now = new Map(after.components.map((c) => [c.id, c]));
  const nameIn = (d: Map<string, Component>, id: string) => d.get(id)?.name ?? id;
  parts.push(
    listed(
      'added',
      after.components.filter((c) => !old.has(c.id)).map((c) => c.name),
      'component',
    ),
  );
  parts.push(
    listed(
      'removed',
      before.components.filter((c) => !now.has(c.id)).map((c) => c.name),
      'component',
    ),
  );

  const edited: string[] = [];
  for (const c of after.components) {
    const prev = old.get(c.id);
    if (!prev || same(prev, c)) continue;
    const edits = componentEdits(prev, c);
    if (edits.length > 0) edited.push(`${c.name}: ${edits.slice(0, 2).join(', ')}${edits.length > 2 ? ', …' : ''}`);
  }
  parts.push(edited.length <= NAMED ? edited.join('; ') || null : `changed ${plural(edited.length, 'component')}`);

  const oldConn = new Map(before.connections.map((c) => [c.id, c]));
  const nowConn = new Map(after.connections.map((c) => [c.id, c]));
  const arrow = (d: Map<string, Component>) => (c: Connection) => `${nameIn(d, c.from)} → ${nameIn(d, c.to)}`;
  parts.push(listed('connected', after.connections.filter((c) => !oldConn.has(c.id)).map(arrow(now)), 'connection'));
  parts.push(
    listed('disconnected', before.connections.filter((c) => !nowConn.has(c.id)).map(arrow(old)), 'connection'),
  );
  const rewired: string[] = [];
  for (const c of after.connections) {
    const prev = oldConn.get(c.id);
    if (!prev || same(prev, c)) continue;
    const edits = connectionEdits(prev, c);
    if (edits.length > 0) rewired.push(`${arrow(now)(c)}: ${edits.join(', ')}`);
  }
  parts.push(rewired.length <= NAMED ? rewired.join('; ') || null : `changed ${plural(rewired.length, 'connection')}`);

  // The assumptions by name and value where the form has them; anything else there only counted.
  const settings = assumptionEdits(before, after);
  if (settings.length > 0) parts.push(`${settings.slice(0, 2).join(', ')}${settings.length > 2 ? ', …' : ''}`);
  else {
    if (!same(before.simulation, after.simulation)) parts.push('simulation settings changed');
    if (!same(before.environments, after.environments)) parts.push('prices and environments changed');
  }
  if (before.description !== after.description) parts.push('description changed');

  const moved = after.components.filter((c) => old.has(c.id) && !same(before.layout?.[c.id], after.layout?.[c.id]));
  if (moved.length > 0)
    parts.push(
      moved.length <= NAMED
        ? `moved ${moved.map((c) => c.name).join(', ')}`
        : `moved ${plural(moved.length, 'component')}`,
    );

  return parts.filter((p): p is string => p !== null).join('; ');
}
