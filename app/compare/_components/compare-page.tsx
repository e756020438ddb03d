'use client';
/**
 * The editor's comparison page: reads the two designs (each at its revision, or the latest) through
 * the editor's procedures, then shows them side by side (components/scenarios/). Sharing the
 * comparison is the one thing here that writes, and only an editor sees it.
 */
import { useQueries } from '@tanstack/react-query';
import { ScenarioComparison } from '@/components/scenarios/scenario-comparison';
import type { ScenarioRef } from '@/components/scenarios/compare-href';
import { useTRPC } from '@/components/trpc/client';
import { AppHeader } from '@/components/ui/app-header';
import { DesignsLink } from '@/components/ui/designs-link';
import { ThemeToggle } from '@/components/ui/theme-toggle';
import { ShareComparison } from './share-comparison';

type Props =
  { a: ScenarioRef; b: ScenarioRef; problems?: undefined } | { problems: string[]; a?: undefined; b?: undefined };

/** First on the page, whatever it shows, as "← Designs" is first on the editor's bar. */
const back = (
  <p className="page-back">
    <DesignsLink />
  </p>
);

export function ComparePage(props: Props) {
  return (
    <>
      <AppHeader>
        <ThemeToggle />
      </AppHeader>
      {props.problems ? (
        <Problems lines={[`This comparison address is not valid: ${props.problems.join('; ')}.`]} />
      ) : (
        <Loaded a={props.a} b={props.b} />
      )}
    </>
  );
}

function Problems({ lines }: { lines: string[] }) {
  return (
    <main className="page">
      {back}
      <h1>Compare scenarios</h1>
      {lines.map((l) => (
        <p key={l} role="alert" className="error">
          {l}
        </p>
      ))}
    </main>
  );
}

function Loaded({ a, b }: { a: ScenarioRef; b: ScenarioRef }) {
  const trpc = useTRPC();
  const [first, second] = useQueries({
    queries: [a, b].map((s) => ({
      ...trpc.designs.get.queryOptions({ id: s.designId, revision: s.revision }),
      staleTime: Infinity,
      refetchOnWindowFocus: false,
    })),
  });
  if (!first || !second) return null;
  if (first.isPending || second.isPending)
    return (
      <main className="page">
        {back}
        <p className="muted" role="status">
          Loading both designs…
        </p>
      </main>
    );
  if (first.isError || second.isError) {
    const lines = [first, second].flatMap((q, i) =>
      q.isError
        ? [
            `The ${i === 0 ? 'first' : 'second'} design ${q.error.data?.code === 'NOT_FOUND' ? 'or revision does not exist (it may have been deleted, or its revision pruned).' : `could not be read: ${q.error.message}`}`,
          ]
        : [],
    );
    return <Problems lines={lines} />;
  }
  const title = (d: typeof first.data) => `${d.document.name}, revision ${d.revision}`;
  return (
    <ScenarioComparison
      before={{ design: first.data.document, title: title(first.data) }}
      after={{ design: second.data.document, title: title(second.data) }}
      back={back}
      actions={
        <ShareComparison
          a={{ designId: a.designId, revision: first.data.revision }}
          b={{ designId: b.designId, revision: second.data.revision }}
        />
      }
    />
  );
}
