import { useEffect, useRef } from 'react';

/** True when the key press belongs to something the user is typing into, not to the page. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}

/**
 * A single-key page shortcut (`n`, `t`, `/`, `?`, `j`, `Enter` …). Ignored while the user types in an
 * input, textarea or contenteditable, while a modifier (Ctrl, ⌘, Alt) is held, and while a dialog is
 * open (so page keys do not act behind a modal). The handler may call e.preventDefault() itself; for
 * printable keys it is done here so the key does not also land in a field focused by the handler.
 */
export function useShortcut(key: string, handler: (e: KeyboardEvent) => void, options: { enabled?: boolean } = {}): void {
  const enabled = options.enabled ?? true;
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });

  useEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => {
      if (e.key !== key || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.defaultPrevented) return;
      if (isTypingTarget(e.target)) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      if (key.length === 1) e.preventDefault();
      latest.current(e);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [key, enabled]);
}
