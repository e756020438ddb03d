'use client';
/** Keyboard shortcuts of the editor; ignored while typing in a field, so text fields keep their own. */
import { useEffect } from 'react';
import { isTypingTarget } from './clipboard';
import type { CanvasCommands } from './use-canvas-commands';

export const SHORTCUTS: { keys: string; action: string }[] = [
  { keys: 'Ctrl/⌘ + Z', action: 'Undo' },
  { keys: 'Shift + Ctrl/⌘ + Z, Ctrl + Y', action: 'Redo' },
  { keys: 'Ctrl/⌘ + C / X / V', action: 'Copy, cut, paste components' },
  { keys: 'Ctrl/⌘ + D', action: 'Duplicate the selection' },
  { keys: 'Ctrl/⌘ + A', action: 'Select everything' },
  { keys: 'Delete, Backspace', action: 'Delete the selection' },
  { keys: 'Shift + drag, Shift + click', action: 'Box-select, add to the selection' },
  { keys: 'C', action: 'Connect the selected component to another (choose it from a list)' },
  { keys: '/', action: 'Find a component by name (Enter pans to it and selects it)' },
  { keys: 'G', action: 'Show or hide the placement lanes' },
  { keys: 'Tab, Shift + Tab', action: 'Move the focus between components and connections' },
  { keys: 'Enter, Space', action: 'Select the focused component or connection' },
  { keys: 'L', action: 'Auto-layout' },
  { keys: 'F', action: 'Fit the design in view' },
  { keys: 'Escape', action: 'Clear the selection, close this help' },
  { keys: '?', action: 'Show or hide this help' },
];

export interface ShortcutActions {
  toggleHelp: () => void;
  clearSelection: () => void;
  /** Opens the connect dialog for the one selected component. */
  connect: () => void;
}

export function useShortcuts(commands: CanvasCommands, actions: ShortcutActions) {
  const { toggleHelp, clearSelection, connect } = actions;
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      // A select commits its choice at once and has no undo of its own: undo and redo work from it, as
      // they do from the canvas (a text field keeps the browser's own undo of its text).
      const fromSelect = e.target instanceof HTMLSelectElement && mod && (key === 'z' || key === 'y');
      if (isTypingTarget(e.target) && !fromSelect) return;
      const run = (f: () => unknown) => {
        e.preventDefault();
        f();
      };
      if (mod && key === 'z') return run(e.shiftKey ? commands.redo : commands.undo);
      if (mod && key === 'y') return run(commands.redo);
      if (mod && key === 'c') return run(commands.copy);
      if (mod && key === 'x') return run(commands.cut);
      if (mod && key === 'v') return run(() => commands.paste());
      if (mod && key === 'd') return run(commands.duplicate);
      if (mod && key === 'a') return run(commands.selectAll);
      if (mod || e.altKey) return;
      if (key === 'delete' || key === 'backspace') return run(commands.remove);
      if (key === 'l') return run(() => void commands.layout());
      if (key === 'f') return run(commands.fit);
      if (key === 'c') return run(connect);
      if (key === 'g') return run(commands.toggleLanes);
      if (e.key === '/') return run(commands.focusSearch);
      if (e.key === '?') return run(toggleHelp);
      if (key === 'escape') return clearSelection();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [commands, toggleHelp, clearSelection, connect]);
}
