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

/** Absolute time in the chosen zone with the relative one beside it, kept current. */
export function Timestamp({ ms }: { ms: number }) {
  const { timeZone, ready } = usePreferences();
  const now = useNow();
  return (
    <time dateTime={new Date(ms).toISOString()} title={new Date(ms).toISOString()} className="tabular whitespace-nowrap">
      {formatTimestamp(ms, timeZone)} {ready ? <span className="text-muted-foreground">· {formatRelative(ms, now)}</span> : null}
    </time>
  );
}

/** For table cells (which set its figures and wrapping): absolute time only, no ticking clock (hundreds of rows, one render each). */
export function CompactTime({ ms }: { ms: number }) {
  const { timeZone } = usePreferences();
  return <time dateTime={new Date(ms).toISOString()}>{formatTimestamp(ms, timeZone)}</time>;
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
