import { describe, expect, it } from 'vitest';
import { fromDateTimeInput, toDateTimeInput, formatBytes, formatCompact, formatDuration, formatInt, formatRelative, formatTimestamp } from './format.ts';

describe('format', () => {
  it('formats integers with separators and a dash for missing values', () => {
    expect(formatInt(1234567)).toBe('1,234,567');
    expect(formatInt(undefined)).toBe('—');
    expect(formatCompact(9999)).toBe('9,999');
    expect(formatCompact(1_250_000)).toBe('1.3M');
  });

  it('matches Intl en-US output, which it replaces to keep ICU off the first paint', () => {
    const integer = new Intl.NumberFormat('en-US');
    const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
    const samples = [0, -0, 1, -1, 7, 999, 1000, 1001, 9999, 10_000, 12_345, 99_949, 99_950, 999_949, 999_950, 1_000_000, 1_049_999, 1_050_000,
      123_456_789, 999_950_000, 1e9, 2.5e12, 1.5e15, 2 ** 53 - 1, -12_345, -9_876_543, 0.5, 1234.5678, 3.14159, -0.0001];
    for (const n of samples) {
      expect(formatInt(n), String(n)).toBe(integer.format(n));
      expect(formatCompact(n), String(n)).toBe(Math.abs(n) < 10_000 ? integer.format(n) : compact.format(n));
    }
  });

  it('formats sizes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(200 * 1024 * 1024)).toBe('200 MB');
  });

  it('formats relative times in both directions', () => {
    const now = 1_700_000_000_000;
    expect(formatRelative(now - 500, now)).toBe('now');
    expect(formatRelative(now - 5_000, now)).toBe('5 seconds ago');
    expect(formatRelative(now - 3 * 60_000, now)).toBe('3 minutes ago');
    expect(formatRelative(now + 2 * 3_600_000, now)).toBe('in 2 hours');
    expect(formatRelative(now - 86_400_000, now)).toBe('yesterday');
  });

  it('formats absolute timestamps in UTC with milliseconds', () => {
    expect(formatTimestamp(Date.UTC(2026, 10, 25, 14, 3, 7, 12), 'utc')).toBe('2026-11-25 14:03:07.012 UTC');
  });

  it('formats durations for time lag', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(12_400)).toBe('12 s');
    expect(formatDuration(185 * 60_000)).toBe('3 h 5 min');
    expect(formatDuration(52 * 3_600_000)).toBe('2 d 4 h');
    expect(formatDuration(null)).toBe('—');
  });

  it('converts datetime-local input values in either zone', () => {
    const ms = Date.UTC(2026, 10, 25, 14, 3, 7);
    expect(toDateTimeInput(ms, 'utc')).toBe('2026-11-25T14:03:07');
    expect(fromDateTimeInput('2026-11-25T14:03:07', 'utc')).toBe(ms);
    expect(fromDateTimeInput('2026-11-25T14:03', 'utc')).toBe(ms - 7000);
    expect(fromDateTimeInput(toDateTimeInput(ms, 'local'), 'local')).toBe(ms);
    expect(fromDateTimeInput('', 'utc')).toBeNull();
  });
});
