'use client';
/** Light, dark, or the system's choice; remembered in localStorage. */
import { useEffect, useState } from 'react';

type Theme = 'system' | 'light' | 'dark';
const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => {
    const saved = localStorage.getItem('tidemark-theme');
    if (saved === 'light' || saved === 'dark') {
      document.documentElement.dataset.theme = saved;
      // Reading localStorage is only possible after hydration.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setTheme(saved);
    }
  }, []);
  function cycle() {
    const next = NEXT[theme];
    setTheme(next);
    if (next === 'system') {
      delete document.documentElement.dataset.theme;
      localStorage.removeItem('tidemark-theme');
    } else {
      document.documentElement.dataset.theme = next;
      localStorage.setItem('tidemark-theme', next);
    }
  }
  return (
    <button
      type="button"
      className="button small"
      onClick={cycle}
      aria-label={`Theme: ${theme}. Switch to ${NEXT[theme]}`}
    >
      {theme === 'dark' ? '☾ Dark' : theme === 'light' ? '☀ Light' : '◐ Auto'}
    </button>
  );
}
