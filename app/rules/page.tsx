/**
 * The placement rules R1–R12 in a few words each, with their sources: where every rule link in a
 * reason leads (#r1 … #r12). Open to everyone, like the share page: a shared plan's reasons link here.
 */
import type { Metadata } from 'next';
import { RULE_IDS } from '@/core/model';
import { RULES, SOURCES } from '@/core/present';
import './rules.css';

export const metadata: Metadata = { title: 'Placement rules · Tidemark' };

export default function RulesPage() {
  return (
    <main className="rules-page">
      <h1>The placement rules</h1>
      <p>
        Every reason in a plan names one of these rules. A rule explains a decision; the simulated month&rsquo;s figures
        make it.
      </p>
      <dl className="rules-list">
        {RULE_IDS.map((id) => {
          const r = RULES[id];
          return (
            <div key={id} id={id.toLowerCase()} className="rules-item">
              <dt>
                <span className="rules-id">{id}</span> {r.title}
              </dt>
              <dd>
                <p>{r.explanation}</p>
                <p className="rules-source">
                  Source: {r.sources.map((s) => SOURCES[s].detail).join('; ')}
                  {r.also ? `; ${r.also}` : ''}.
                </p>
              </dd>
            </div>
          );
        })}
      </dl>
    </main>
  );
}
