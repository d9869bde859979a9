'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { Dialog } from '@/components/ui/dialog';
import { Kbd } from '@/components/ui/misc';
import { requestSearchFocus } from './search-focus';
import { feedKey, initialSequence, isTypingTarget, SHORTCUTS, type ShortcutAction } from '@/lib/shortcuts';

const HELP_EVENT = 'brook:shortcuts';

/** Open the shortcuts list from a button (the same as pressing `?`). */
export function showShortcuts(): void {
  window.dispatchEvent(new Event(HELP_EVENT));
}

/** Global keys: `/` search, `g t` topics, `g c` groups, `?` help. Pages opt in to `/` with useSearchFocus. */
export function Shortcuts() {
  const router = useRouter();
  const [help, setHelp] = useState(false);
  const sequence = useRef(initialSequence());

  useEffect(() => {
    function run(action: ShortcutAction) {
      if (action === 'help') setHelp(true);
      else if (action === 'search') {
        // Pages with a search box take the focus; elsewhere, search means searching topics.
        if (!document.querySelector('[data-page-search]')) router.push('/topics');
        requestSearchFocus();
      } else router.push(action.slice('go:'.length));
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      if (isTypingTarget(event.target as HTMLElement | null)) return;
      if (document.querySelector('dialog[open]')) return;
      const result = feedKey(sequence.current, event.key, event.timeStamp);
      sequence.current = result.state;
      if (result.action) {
        event.preventDefault();
        run(result.action);
      }
    }
    const openHelp = () => setHelp(true);
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener(HELP_EVENT, openHelp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener(HELP_EVENT, openHelp);
    };
  }, [router]);

  return (
    <Dialog open={help} onClose={() => setHelp(false)} title="Keyboard shortcuts">
      <ul className="divide-y divide-border px-5 py-2">
        {SHORTCUTS.map((shortcut) => (
          <li key={shortcut.action} className="flex items-center justify-between py-2 text-[13px]">
            <span>{shortcut.label}</span>
            <span className="flex items-center gap-1">
              {shortcut.keys.map((key, i) => (
                <span key={key} className="flex items-center gap-1">
                  {i > 0 ? <span className="text-[11px] text-muted-foreground">then</span> : null}
                  <Kbd>{key}</Kbd>
                </span>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
