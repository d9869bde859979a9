'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  parseTheme,
  parseTimeZone,
  resolveTheme,
  THEME_KEY,
  TIME_ZONE_KEY,
  type Theme,
  type TimeZoneMode,
} from '@/lib/preferences';

interface Preferences {
  theme: Theme;
  resolvedTheme: 'light' | 'dark';
  setTheme: (theme: Theme) => void;
  timeZone: TimeZoneMode;
  setTimeZone: (mode: TimeZoneMode) => void;
  /** False during server rendering and hydration: render nothing that depends on the clock. */
  ready: boolean;
}

const PreferencesContext = createContext<Preferences | null>(null);

function readStorage(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [theme, setThemeState] = useState<Theme>('system');
  const [prefersDark, setPrefersDark] = useState(false);
  const [timeZone, setTimeZoneState] = useState<TimeZoneMode>('local');
  // Server HTML and the first client render must agree: until mounted, times show in UTC
  // (the server cannot know the browser's zone), then switch to the user's choice.
  const [ready, setReady] = useState(false);

  useEffect(() => {
    setThemeState(parseTheme(readStorage(THEME_KEY)));
    setTimeZoneState(parseTimeZone(readStorage(TIME_ZONE_KEY)));
    setReady(true);
    const media = matchMedia('(prefers-color-scheme: dark)');
    setPrefersDark(media.matches);
    const onChange = (event: MediaQueryListEvent) => setPrefersDark(event.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);

  const resolvedTheme = resolveTheme(theme, prefersDark);
  useEffect(() => {
    const root = document.documentElement;
    if (root.classList.contains('dark') === (resolvedTheme === 'dark')) return;
    // Switch every colour at once: without this, each transition-colors element fades on its own.
    const freeze = document.createElement('style');
    freeze.textContent = '*,*::before,*::after{transition:none!important}';
    document.head.append(freeze);
    root.classList.toggle('dark', resolvedTheme === 'dark');
    root.style.colorScheme = resolvedTheme;
    void getComputedStyle(root).color;
    requestAnimationFrame(() => freeze.remove());
  }, [resolvedTheme]);

  const setTheme = useCallback((next: Theme) => {
    setThemeState(next);
    writeStorage(THEME_KEY, next);
  }, []);
  const setTimeZone = useCallback((next: TimeZoneMode) => {
    setTimeZoneState(next);
    writeStorage(TIME_ZONE_KEY, next);
  }, []);

  const shownZone: TimeZoneMode = ready ? timeZone : 'utc';
  const value = useMemo(
    () => ({ theme, resolvedTheme, setTheme, timeZone: shownZone, setTimeZone, ready }),
    [theme, resolvedTheme, setTheme, shownZone, setTimeZone, ready],
  );
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences outside PreferencesProvider');
  return value;
}
