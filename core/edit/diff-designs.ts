/**
 * What differs between two designs (two revisions of one, or two designs), component by component,
 * for the side-by-side comparison: components and connections are matched by id, so a renamed
 * component is the same component re-tagged, and one deleted and drawn again under a new id is one
 * removed and one added. Each kept component says whether it moved on the canvas and which of its
 * fields changed (`peak load 600 → 1,200`, the revisions list's words); design-wide settings that
 * move every figure (price book, prices, simulation) are listed apart. Pure, from the two documents.
 */
import type { Component, ComponentKind, Connection, Design } from '../model/design';
import { componentEdits, connectionEdits } from './describe-changes';
import { currentPick } from './pricing-picker';
import { assumptionEdits } from './assumptions';

export type Presence = 'added' | 'removed' | 'kept';

export interface ComponentDiff {
  id: string;
  /** The name it has where it exists last: the second design's, or the first's when removed. */
  name: string;
  kind: ComponentKind;
  presence: Presence;
  /** Kept, at another position on the canvas. */
  isMoved: boolean;
  /** Kept, with other tags or fields (workload, pattern, demand, SLO, data class, name…). */
  isRetagged: boolean;
  /** The fields that changed, `field a → b`; empty unless re-tagged. */
  edits: string[];
}

export interface ConnectionDiff {
  id: string;
  /** `Web shop → Orders`, by the names in the design that has it (the second when both do). */
  between: string;
  presence: Presence;
  /** Kept, with another mode, calls per request or payload: those changes, `a → b`. */
  edits: string[];
}

export interface DesignDiff {
  /** Every component of the second design in its order, then those only in the first. */
  components: ComponentDiff[];
  connections: ConnectionDiff[];
  /** Design-wide changes that reach every component's figures, in words. */
  settings: string[];
  counts: { added: number; removed: number; moved: number; retagged: number; connections: number };
  /** Nothing a person drew or set differs (the name and description aside). */
  isSame: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const pricingWords = (d: Design) => {
  const p = currentPick(d);
  return `${p.provider}${p.region ? ` ${p.region}` : ''}, ${p.commitment}`;
};

function settingsEdits(before: Design, after: Design): string[] {
  const out: string[] = [];
  if (pricingWords(before) !== pricingWords(after))
    out.push(`price book ${pricingWords(before)} → ${pricingWords(after)}`);
  if (!same(before.environments, after.environments)) {
    const named = assumptionEdits(before, after, ['environments']);
    out.push(...(named.length > 0 ? named : ['prices and environments changed']));
  }
  const sim = (key: keyof Design['simulation'], label: string) => {
    if (before.simulation[key] !== after.simulation[key])
      out.push(`${label} ${before.simulation[key]} → ${after.simulation[key]}`);
  };
  sim('days', 'simulated days');
  sim('stepMinutes', 'step (minutes)');
  sim('seed', 'seed');
  return out;
}

function diffComponent(before: Design, after: Design, a: Component | undefined, b: Component): ComponentDiff {
  if (!a)
    return { id: b.id, name: b.name, kind: b.kind, presence: 'added', isMoved: false, isRetagged: false, edits: [] };
  const edits = same(a, b) ? [] : componentEdits(a, b);
  return {
    id: b.id,
    name: b.name,
    kind: b.kind,
    presence: 'kept',
    isMoved: !same(before.layout?.[a.id], after.layout?.[b.id]),
    isRetagged: edits.length > 0,
    edits,
  };
}

function diffConnections(before: Design, after: Design): ConnectionDiff[] {
  const names = (d: Design) => new Map(d.components.map((c) => [c.id, c.name]));
  const oldNames = names(before);
  const newNames = names(after);
  const between = (n: Map<string, string>, c: Connection) => `${n.get(c.from) ?? c.from} → ${n.get(c.to) ?? c.to}`;
  const old = new Map(before.connections.map((c) => [c.id, c]));
  const now = new Set(after.connections.map((c) => c.id));
  const out: ConnectionDiff[] = [];
  for (const c of after.connections) {
    const prev = old.get(c.id);
    // An id reused for another pair of components is a different connection.
    if (!prev || prev.from !== c.from || prev.to !== c.to) {
      if (prev) out.push({ id: c.id, between: between(oldNames, prev), presence: 'removed', edits: [] });
      out.push({ id: c.id, between: between(newNames, c), presence: 'added', edits: [] });
      continue;
    }
    out.push({ id: c.id, between: between(newNames, c), presence: 'kept', edits: connectionEdits(prev, c) });
  }
  for (const c of before.connections)
    if (!now.has(c.id)) out.push({ id: c.id, between: between(oldNames, c), presence: 'removed', edits: [] });
  return out;
}

/** What changed from `before` to `after`, matched by id. */
export function diffDesigns(before: Design, after: Design): DesignDiff {
  const old = new Map(before.components.map((c) => [c.id, c]));
  const now = new Set(after.components.map((c) => c.id));
  const components = after.components.map((c) => diffComponent(before, after, old.get(c.id), c));
  for (const c of before.components)
    if (!now.has(c.id))
      components.push({
        id: c.id,
        name: c.name,
        kind: c.kind,
        presence: 'removed',
        isMoved: false,
        isRetagged: false,
        edits: [],
      });
  const connections = diffConnections(before, after);
  const settings = settingsEdits(before, after);
  const counts = {
    added: components.filter((c) => c.presence === 'added').length,
    removed: components.filter((c) => c.presence === 'removed').length,
    moved: components.filter((c) => c.isMoved).length,
    retagged: components.filter((c) => c.isRetagged).length,
    connections: connections.filter((c) => c.presence !== 'kept' || c.edits.length > 0).length,
  };
  const isSame = Object.values(counts).every((n) => n === 0) && settings.length === 0;
  return { components, connections, settings, counts, isSame };
}
