/**
 * An engine sentence as an architect reads it: rule ids become links to the rule's short explanation
 * and source (/rules, in a new tab so the editor keeps its place), source tags such as "[AZ]" become
 * the source's name with its full reference on hover.
 */
import { Fragment } from 'react';
import type { RuleId } from '@/core/model';
import { ruleHref, ruleSummary, SOURCES, splitProse } from '@/core/present';

export function RuleLink({ rule }: { rule: RuleId }) {
  return (
    <a className="rule-link" href={ruleHref(rule)} target="_blank" rel="noopener" title={ruleSummary(rule)}>
      {rule}
      <span className="visually-hidden"> (rule explained, opens in a new tab)</span>
    </a>
  );
}

export function Prose({ text }: { text: string }) {
  return (
    <>
      {splitProse(text).map((part, i) =>
        part.kind === 'rule' ? (
          <RuleLink key={i} rule={part.rule} />
        ) : part.kind === 'source' ? (
          <span key={i} className="source-name" title={SOURCES[part.source].detail}>
            ({part.text})
          </span>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
