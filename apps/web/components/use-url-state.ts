'use client';

import { usePathname } from 'next/navigation';
import { useCallback } from 'react';

/**
 * Write view state into the URL without a server round trip. Next keeps useSearchParams in
 * sync with history.pushState/replaceState, so reading stays `useSearchParams()`.
 * `push` makes a Back-button step (paging); `replace` does not (typing in a search box).
 */
export function useSetSearch(): (search: string, mode?: 'push' | 'replace') => void {
  const pathname = usePathname();
  return useCallback(
    (search: string, mode: 'push' | 'replace' = 'replace') => {
      const url = `${pathname}${search}${window.location.hash}`;
      if (mode === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    },
    [pathname],
  );
}
