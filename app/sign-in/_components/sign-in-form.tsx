'use client';
/** The password form of password mode. On success the whole page loads `next`, now with the cookie. */
import { useState, type FormEvent } from 'react';
import { AppHeader } from '@/components/ui/app-header';

export function SignInForm({ next }: { next: string }) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const entry = new FormData(e.currentTarget).get('password');
    const password = typeof entry === 'string' ? entry : '';
    setBusy(true);
    setMessage(null);
    try {
      const res = await fetch('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ password, next }),
      });
      if (res.ok) {
        const body = (await res.json()) as { next: string };
        window.location.assign(body.next);
        return;
      }
      setMessage(await res.text());
    } catch {
      setMessage('Could not reach the server. Check your connection and try again.');
    }
    setBusy(false);
  }

  return (
    <>
      <AppHeader />
      <main className="page">
        <form className="sign-in" onSubmit={(e) => void onSubmit(e)} aria-labelledby="sign-in-title">
          <h1 id="sign-in-title">Sign in</h1>
          <p className="hint">This Tidemark is protected by a password. Shared links open without it.</p>
          <label htmlFor="sign-in-password">Password</label>
          <input
            id="sign-in-password"
            name="password"
            type="password"
            className="input"
            autoComplete="current-password"
            required
            autoFocus
          />
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
          <p role="alert" className="error">
            {message}
          </p>
        </form>
      </main>
    </>
  );
}
