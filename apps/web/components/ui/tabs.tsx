'use client';

import { useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { cn } from '@/lib/utils';

export interface TabItem<T extends string> {
  value: T;
  label: ReactNode;
}

/**
 * A WAI-ARIA tab list (arrow keys move between tabs); the caller keeps the value in the URL.
 * Each tab is a link to its own URL, so a click before hydration (a slow first load) still
 * switches tabs, and a middle or modified click opens the tab in a new browser tab.
 */
export function Tabs<T extends string>({
  items,
  value,
  onChange,
  hrefFor,
  label,
  idPrefix,
}: {
  items: readonly TabItem<T>[];
  value: T;
  onChange: (value: T) => void;
  hrefFor: (value: T) => string;
  label: string;
  idPrefix: string;
}) {
  const refs = useRef<(HTMLAnchorElement | null)[]>([]);
  function onClick(event: MouseEvent, next: T) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onChange(next);
  }
  function onKeyDown(event: KeyboardEvent, index: number) {
    const delta = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = (index + delta + items.length) % items.length;
    refs.current[next]?.focus();
    const item = items[next];
    if (item) onChange(item.value);
  }
  return (
    <div role="tablist" aria-label={label} className="flex gap-1 border-b border-border">
      {items.map((item, index) => {
        const selected = item.value === value;
        return (
          <a
            key={item.value}
            href={hrefFor(item.value)}
            ref={(el) => {
              refs.current[index] = el;
            }}
            role="tab"
            id={`${idPrefix}-tab-${item.value}`}
            aria-selected={selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={selected ? 0 : -1}
            onClick={(event) => onClick(event, item.value)}
            onKeyDown={(event) => onKeyDown(event, index)}
            className={cn(
              '-mb-px inline-flex h-9 items-center gap-1.5 border-b-2 px-3 text-[13px] font-medium transition-colors',
              selected ? 'border-primary text-foreground' : 'border-transparent text-muted-foreground hover:text-foreground',
            )}
          >
            {item.label}
          </a>
        );
      })}
    </div>
  );
}
