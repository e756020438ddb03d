'use client';
/** Shown in password mode: clears the session cookie and goes back to the sign-in page. */
import { useState } from 'react';

export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="button"
      disabled={busy}
      onClick={() => {
        setBusy(true);
        // A full page load, not router.push: nothing of the signed-in session's cached data survives.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination
        void fetch('/api/session', { method: 'DELETE' }).finally(() => window.location.assign('/sign-in'));
      }}
    >
      Sign out
    </button>
  );
}
