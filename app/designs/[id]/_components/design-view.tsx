'use client';
/** A read-out of one design as stored: its components and connections. The editor replaces it. */
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc/client';
import { AppHeader } from '@/components/ui/app-header';
import { formatExact } from '@/components/ui/time';

export function DesignView({ id }: { id: string }) {
  const trpc = useTRPC();
  const design = useQuery(trpc.designs.get.queryOptions({ id }));

  if (design.isPending) return <main className="page muted">Loading design…</main>;
  if (design.isError) {
    return (
      <>
        <AppHeader />
        <main className="page">
          <p role="alert" className="error">
            {design.error.data?.code === 'NOT_FOUND' ? 'This design does not exist (it may have been deleted).' : design.error.message}
          </p>
          <Link href="/">Back to all designs</Link>
        </main>
      </>
    );
  }
  const doc = design.data.document;
  const names = new Map(doc.components.map((c) => [c.id, c.name]));
  return (
    <>
      <AppHeader />
      <main className="page">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link href="/">Designs</Link> / <span>{doc.name}</span>
        </nav>
        <h1>{doc.name}</h1>
        <p className="muted">
          Revision {design.data.revision}, saved {formatExact(design.data.revisionCreatedAt)}
        </p>
        {doc.description && <p>{doc.description}</p>}
        <h2>Components ({doc.components.length})</h2>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Workload</th>
              <th scope="col">CPU per request</th>
              <th scope="col">Data</th>
            </tr>
          </thead>
          <tbody>
            {doc.components.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>{c.kind}</td>
                <td>{c.workload ? `${c.workload.pattern}, ${c.workload.baseRps} rps base${c.workload.peakRps !== undefined ? `, ${c.workload.peakRps} peak` : ''}` : 'from callers'}</td>
                <td>{c.demand.cpuMs} ms</td>
                <td>
                  {c.dataClass}
                  {c.stateful ? ', stateful' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>Connections ({doc.connections.length})</h2>
        <ul>
          {doc.connections.map((c) => (
            <li key={c.id}>
              {names.get(c.from)} → {names.get(c.to)} ({c.mode}, {c.callsPerRequest} per request)
            </li>
          ))}
        </ul>
      </main>
    </>
  );
}
