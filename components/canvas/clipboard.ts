/**
 * The canvas clipboard. Kept in the page (the system clipboard needs a permission prompt to read),
 * and mirrored to the system clipboard as JSON when the browser allows, so a fragment can be pasted
 * into a text editor. Shortcuts only reach it when focus is not in a text field.
 */
import type { Fragment } from '@/core/edit';

let held: Fragment | null = null;

export function holdFragment(fragment: Fragment): void {
  held = fragment;
  void navigator.clipboard?.writeText(JSON.stringify(fragment, null, 2)).catch(() => undefined);
}

export function heldFragment(): Fragment | null {
  return held;
}

/** True when a key press belongs to a text field (or a dialog) rather than to the canvas. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'range', 'submit'].includes(type);
  }
  return target.closest('dialog[open]') !== null;
}
