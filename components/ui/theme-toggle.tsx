'use client';
/** Light, dark, or the system's choice; remembered in localStorage. */
import { useEffect, useState } from 'react';

type Theme = 'system' | 'light' | 'dark';
const NEXT: Record<Theme, Theme> = { system: 'light', light: 'dark', dark: 'system' };
const LABELS: Record<Theme, string> = { system: 'Auto', light: 'Light', dark: 'Dark' };
const ICONS: Record<Theme, string> = { system: '◐', light: '☀', dark: '☾' };

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
  // The name starts with what the button shows ("Auto"), as speech input expects.
  return (
    <button
      type="button"
      className="button small"
      onClick={cycle}
      aria-label={`Theme: ${LABELS[theme]} (${theme === 'system' ? 'the system’s' : theme}). Switch to ${LABELS[NEXT[theme]]}`}
    >
      <span aria-hidden="true">{ICONS[theme]}</span> {LABELS[theme]}
    </button>
  );
}
