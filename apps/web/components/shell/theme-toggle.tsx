'use client';

import { MonitorIcon, MoonIcon, SunIcon } from '@/components/icons';
import { usePreferences } from '@/components/preferences-provider';
import type { Theme } from '@/lib/preferences';
import { cn } from '@/lib/utils';

const OPTIONS: { value: Theme; label: string; icon: typeof SunIcon }[] = [
  { value: 'light', label: 'Light', icon: SunIcon },
  { value: 'dark', label: 'Dark', icon: MoonIcon },
  { value: 'system', label: 'System', icon: MonitorIcon },
];

export function ThemeToggle() {
  const { theme, setTheme } = usePreferences();
  return (
    <div role="radiogroup" aria-label="Theme" className="grid grid-cols-3 gap-0.5 rounded-md border border-border bg-surface p-0.5">
      {OPTIONS.map(({ value, label, icon: Icon }) => (
        <button
          key={value}
          type="button"
          role="radio"
          aria-checked={theme === value}
          aria-label={`${label} theme`}
          title={`${label} theme`}
          onClick={() => setTheme(value)}
          className={cn(
            'flex h-6 items-center justify-center rounded-[5px] text-muted-foreground transition-colors hover:text-foreground',
            theme === value && 'bg-muted text-foreground shadow-xs',
          )}
        >
          <Icon size={14} />
        </button>
      ))}
    </div>
  );
}
