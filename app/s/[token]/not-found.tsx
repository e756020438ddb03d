import type { Metadata } from 'next';

export const metadata: Metadata = {
  title: 'Not found · Tidemark',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

/** The one answer for every token that does not open a design: it says nothing about why. */
export default function ShareNotFound() {
  return (
    <main className="page">
      <h1>Not found</h1>
      <p className="muted">There is nothing at this address.</p>
    </main>
  );
}
