/** User preferences kept in localStorage: colour theme and the time zone timestamps are shown in. */

export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];
export const TIME_ZONES = ['local', 'utc'] as const;
export type TimeZoneMode = (typeof TIME_ZONES)[number];

export const THEME_KEY = 'brook.theme';
export const TIME_ZONE_KEY = 'brook.timeZone';

export function parseTheme(value: string | null | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}

export function parseTimeZone(value: string | null | undefined): TimeZoneMode {
  return value === 'utc' ? 'utc' : 'local';
}

export function resolveTheme(theme: Theme, prefersDark: boolean): 'light' | 'dark' {
  return theme === 'system' ? (prefersDark ? 'dark' : 'light') : theme;
}

/**
 * Runs in <head> before first paint so a dark-mode user never sees a white flash.
 * Kept tiny and self-contained: it is inlined as text.
 */
export const THEME_SCRIPT = `(function(){try{var t=localStorage.getItem('${THEME_KEY}');var d=t==='dark'||(t!=='light'&&matchMedia('(prefers-color-scheme: dark)').matches);var e=document.documentElement;e.classList.toggle('dark',d);e.style.colorScheme=d?'dark':'light'}catch(_){}})()`;
