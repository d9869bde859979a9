'use client';

import { useEffect, useState } from 'react';
import { usePreferences } from '@/components/preferences-provider';
import { formatRelative, formatTimestamp } from '@/lib/format';

// One shared ticking clock so a page of 500 timestamps re-renders relative times together.
const listeners = new Set<(now: number) => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    listeners.add(setNow);
    timer ??= setInterval(() => {
      const t = Date.now();
      listeners.forEach((l) => l(t));
    }, 10_000);
    return () => {
      listeners.delete(setNow);
      if (listeners.size === 0 && timer) {
        clearInterval(timer);
        timer = null;
      }
    };
  }, []);
  return now;
}

/** Absolute time in the chosen zone, the relative one beside it (or in the tooltip when compact). */
export function Timestamp({ ms, compact = false }: { ms: number; compact?: boolean }) {
  const { timeZone } = usePreferences();
  const now = useNow();
  const absolute = formatTimestamp(ms, timeZone);
  const relative = formatRelative(ms, now);
  const iso = new Date(ms).toISOString();
  if (compact) {
    return (
      <time dateTime={iso} title={`${absolute} (${relative})`} className="tabular whitespace-nowrap">
        {absolute}
      </time>
    );
  }
  return (
    <time dateTime={iso} title={iso} className="tabular whitespace-nowrap">
      {absolute} <span className="text-muted-foreground">· {relative}</span>
    </time>
  );
}

export function TimeZoneToggle() {
  const { timeZone, setTimeZone } = usePreferences();
  return (
    <button
      type="button"
      onClick={() => setTimeZone(timeZone === 'utc' ? 'local' : 'utc')}
      className="rounded border border-border px-1.5 py-0.5 font-mono text-[10px] text-muted-foreground hover:text-foreground"
      title="Show times in UTC or local time"
      aria-label={`Times shown in ${timeZone === 'utc' ? 'UTC' : 'local time'}; switch`}
    >
      {timeZone === 'utc' ? 'UTC' : 'Local'}
    </button>
  );
}
