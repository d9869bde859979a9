/** Number, size and time formatting shared by every page. Pure: tested without a DOM. */

// Numbers are formatted by hand, in en-US style: the first Intl formatter a page creates loads
// ICU data, 40-60 ms of main-thread time in a fresh Chromium tab, on the way to the first paint.
// The tests hold these functions to Intl's output.

/** 1234567.891 → "1,234,567.891": grouped thousands, at most three decimals (as Intl's default). */
function grouped(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = Math.round(Math.abs(value) * 1000) / 1000;
  const [whole = '0', fraction] = String(rounded).split('.');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

const COMPACT_UNITS = [
  [1e3, 'K'],
  [1e6, 'M'],
  [1e9, 'B'],
] as const;

/** 1_250_000 → "1.3M", as Intl's compact notation with one decimal at most (for |value| ≥ 1,000). */
function compact(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  for (const [size, suffix] of COMPACT_UNITS) {
    const scaled = Math.round((abs / size) * 10) / 10;
    // 999,950 rounds to 1000K: that is 1M, the next unit's business.
    if (scaled < 1000) return `${sign}${scaled}${suffix}`;
  }
  // Trillions are the largest unit: Intl writes 1500T, not 1.5Q.
  return `${sign}${Math.round(abs / 1e11) / 10}T`;
}

export function formatInt(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : grouped(value);
}

export function formatCompact(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Math.abs(value) < 10_000 ? grouped(value) : compact(value);
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${UNITS[unit]}`;
}

const SPANS: [limitMs: number, unitMs: number, unit: Intl.RelativeTimeFormatUnit][] = [
  [60_000, 1000, 'second'],
  [3_600_000, 60_000, 'minute'],
  [86_400_000, 3_600_000, 'hour'],
  [30 * 86_400_000, 86_400_000, 'day'],
  [365 * 86_400_000, 30 * 86_400_000, 'month'],
  [Infinity, 365 * 86_400_000, 'year'],
];
// Created on first use: relative times appear only after hydration (see Timestamp).
let relativeFormat: Intl.RelativeTimeFormat | undefined;
function relative(): Intl.RelativeTimeFormat {
  return (relativeFormat ??= new Intl.RelativeTimeFormat('en', { numeric: 'auto' }));
}

/** "3 minutes ago", "in 2 hours"; "now" within a second. */
export function formatRelative(timestampMs: number, nowMs: number): string {
  const delta = timestampMs - nowMs;
  const abs = Math.abs(delta);
  if (abs < 1000) return 'now';
  for (const [limit, unitMs, unit] of SPANS) {
    if (abs < limit) return relative().format(Math.trunc(delta / unitMs), unit);
  }
  return relative().format(Math.trunc(delta / (365 * 86_400_000)), 'year');
}

/** "2026-11-25 14:03:07.123" in local time or UTC (with a "UTC" suffix). */
export function formatTimestamp(timestampMs: number, zone: 'local' | 'utc'): string {
  const date = new Date(timestampMs);
  if (Number.isNaN(date.getTime())) return String(timestampMs);
  const utc = zone === 'utc';
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const y = utc ? date.getUTCFullYear() : date.getFullYear();
  const mo = (utc ? date.getUTCMonth() : date.getMonth()) + 1;
  const d = utc ? date.getUTCDate() : date.getDate();
  const h = utc ? date.getUTCHours() : date.getHours();
  const mi = utc ? date.getUTCMinutes() : date.getMinutes();
  const s = utc ? date.getUTCSeconds() : date.getSeconds();
  const ms = utc ? date.getUTCMilliseconds() : date.getMilliseconds();
  return `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}.${pad(ms, 3)}${utc ? ' UTC' : ''}`;
}

/** A duration for lag in time: "850 ms", "12 s", "4 min", "3 h 5 min", "2 d 4 h". */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/** The value of an `<input type="datetime-local" step="1">` for a time, in the chosen zone. */
export function toDateTimeInput(timestampMs: number, zone: 'local' | 'utc'): string {
  return formatTimestamp(timestampMs, zone).replace(' UTC', '').replace(' ', 'T').slice(0, 19);
}

/** Milliseconds for a datetime-local value read in the chosen zone; null when incomplete. */
export function fromDateTimeInput(value: string, zone: 'local' | 'utc'): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const ms = zone === 'utc' ? Date.UTC(y, mo - 1, d, h, mi, s) : new Date(y, mo - 1, d, h, mi, s).getTime();
  return Number.isNaN(ms) || ms < 0 ? null : ms;
}
