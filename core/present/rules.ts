/**
 * The placement rules R1–R12 and their sources in a few words each, for the links that every reason
 * carries and the /rules page they open. Condensed from ../shared/reference/placement-rules.md; a
 * rule's text there is authoritative, this is how an architect reads it on screen.
 */
import type { RuleId } from '../model/plan';

export const SOURCES = {
  CCP: {
    name: 'Cloud Computing Patterns',
    detail: 'Fehling, Leymann et al., the Cloud Computing Patterns catalogue (cloudcomputingpatterns.org)',
  },
  AZ: {
    name: 'Azure hybrid app patterns',
    detail: 'Microsoft, hybrid app patterns: cross-cloud scaling, and cross-cloud scaling with on-premises data',
  },
  HSA: {
    name: 'Hybrid Serverless Architectures',
    detail: '"Hybrid Serverless Architectures", a software patterns lexicon',
  },
  W: {
    name: 'Weinman',
    detail: 'J. Weinman, "Mathematical Proof of the Inevitability of Cloud Computing" (2009)',
  },
  derived: {
    name: 'our reading',
    detail: "Tidemark's own reading of the sources above, or of the provider's limits",
  },
} as const;
export type SourceKey = keyof typeof SOURCES;

export interface RuleText {
  title: string;
  /** What the rule says, in a sentence or two. */
  explanation: string;
  sources: SourceKey[];
  /** Further sources by name, where the rule cites more than the four above. */
  also?: string;
}

export const RULES: Record<RuleId, RuleText> = {
  R1: {
    title: 'Steady load stays put',
    explanation:
      'A component whose demand is steady runs in the data centre by default: paying per use gains nothing when the resources needed are constant.',
    sources: ['CCP'],
  },
  R2: {
    title: 'Varying load is a candidate for the cloud',
    explanation:
      'Periodic, unpredictable, steadily changing or once-in-a-lifetime demand makes a component a candidate for elastic capacity (hybrid processing, backend or user interface).',
    sources: ['CCP'],
  },
  R3: {
    title: 'The economic test',
    explanation:
      "A core rented in the cloud costs a multiple of one owned (the utility premium). Elastic wins when the peak is more times the mean than that premium; when the load is near its peak less than one hour in that premium, a data-centre base with cloud overflow (burst) wins. The simulated month's costs decide; the rule explains.",
    sources: ['W'],
  },
  R4: {
    title: 'Only stateless components scale out',
    explanation:
      'Only stateless components are copied across environments or scaled out; a component that holds state stays in the data centre unless its data moves with it.',
    sources: ['CCP', 'AZ'],
  },
  R5: {
    title: 'Confidential data stays on premises',
    explanation:
      'Regulated or confidential data keeps a single store in the data centre; cloud copies of the application have no store of their own and reach the data over a secured link.',
    sources: ['AZ', 'CCP'],
  },
  R6: {
    title: 'Processing moves with its data',
    explanation:
      'Elastic processing that reads a large volume of data moves with it: a data-access component in the data centre stages the data into cloud storage, and the message that starts the work says where it is.',
    sources: ['CCP'],
  },
  R7: {
    title: 'Functions for sporadic work, servers for latency',
    explanation:
      'Serverless functions suit sporadic and batch work (paid per use); servers suit long-running, stateful and latency-critical work (functions start cold).',
    sources: ['HSA'],
  },
  R8: {
    title: 'Plan for every call that crosses',
    explanation:
      'Do not split across environments when the caller must stay on site or the network is a bottleneck; every call between the data centre and the cloud adds the link’s latency, which is counted.',
    sources: ['AZ'],
  },
  R9: {
    title: 'Function time limit',
    explanation:
      'A function invocation is capped (15 minutes on AWS Lambda): work that runs longer cannot be serverless.',
    sources: ['derived'],
  },
  R10: {
    title: 'Pins are obeyed, misses are reported',
    explanation:
      'A placement the architect pinned is kept, and the plan says so; a latency target that no placement meets is reported, never hidden.',
    sources: ['derived'],
  },
  R11: {
    title: 'The split is priced with the placements',
    explanation:
      'What a split costs (queues, the secure link, traffic managers, gateways, staging, data sent out) depends on where both ends of a connection run, so placements are chosen together: the cheapest combination that meets every target and constraint.',
    sources: ['derived'],
    also: 'Kaviani et al. 2014; Hajjat et al. 2010 (Cloudward Bound)',
  },
  R12: {
    title: 'Simplicity has a price',
    explanation:
      'A component runs in two places (burst) or away from its neighbours only when that saves at least the simplicity margin (10 % by default) of the simpler choice’s cost, wiring included. A burst must also meet its targets with half of each tolerance (SLO minutes, dropped requests) to spare.',
    sources: ['derived'],
  },
};

/** `R3 · The economic test: …` — the text a rule link shows on hover and reads to a screen reader. */
export function ruleSummary(rule: RuleId): string {
  const r = RULES[rule];
  return `${rule} · ${r.title}: ${r.explanation}`;
}

/** Where the /rules page shows a rule. */
export function ruleHref(rule: RuleId): string {
  return `/rules#${rule.toLowerCase()}`;
}

export type ProsePart =
  { kind: 'text'; text: string } | { kind: 'rule'; rule: RuleId } | { kind: 'source'; source: SourceKey; text: string };

const TOKEN = /\b(R1[0-2]|R[1-9])\b|\[(CCP|AZ|HSA|W)\]/g;

/**
 * Splits an engine sentence into plain text, rule ids (shown as links) and source tags such as
 * "[AZ]" (shown as the source's name), so no bare id or tag reaches the screen unexplained.
 */
export function splitProse(text: string): ProsePart[] {
  const parts: ProsePart[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    if (m.index > last) parts.push({ kind: 'text', text: text.slice(last, m.index) });
    if (m[1]) parts.push({ kind: 'rule', rule: m[1] as RuleId });
    else parts.push({ kind: 'source', source: m[2] as SourceKey, text: SOURCES[m[2] as SourceKey].name });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
