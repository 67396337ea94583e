import { useEffect, useState } from 'react';
import { useShortcut } from './useShortcut';

/**
 * `j`/`k` move a visible selection through a list and `Enter` opens the selected item. Rows mark
 * themselves with rowProps(index) so the selection is scrolled into view and announced (aria-current).
 */
export function useListSelection(scope: string, count: number, open: (index: number) => void, options: { enabled?: boolean } = {}) {
  const enabled = (options.enabled ?? true) && count > 0;
  const [chosen, setChosen] = useState<number | null>(null);
  const selected = chosen === null ? null : Math.min(chosen, count - 1);

  useShortcut('j', () => setChosen(selected === null ? 0 : Math.min(selected + 1, count - 1)), { enabled });
  useShortcut('k', () => setChosen(selected === null ? 0 : Math.max(selected - 1, 0)), { enabled });
  useShortcut(
    'Enter',
    (e) => {
      const target = e.target as HTMLElement | null;
      if (selected === null || target?.closest('a, button, [role="button"]')) return;
      e.preventDefault();
      open(selected);
    },
    { enabled },
  );

  useEffect(() => {
    if (selected === null) return;
    document.querySelector(`[data-selection="${scope}"][data-index="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [scope, selected]);

  const rowProps = (index: number) => ({
    'data-selection': scope,
    'data-index': index,
    'aria-current': index === selected ? ('true' as const) : undefined,
    className: index === selected ? 'row-selected' : undefined,
    onClick: () => setChosen(index),
  });

  return { selected, select: setChosen, rowProps };
}
