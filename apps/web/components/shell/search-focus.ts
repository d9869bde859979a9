'use client';

import { useEffect, type RefObject } from 'react';

// `/` may be pressed on another page: the request waits here until a search box mounts.
let pending = false;
const EVENT = 'brook:focus-search';

export function requestSearchFocus(): void {
  pending = true;
  window.dispatchEvent(new Event(EVENT));
}

/** The page's main search box takes `/`. */
export function useSearchFocus(ref: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const focus = () => {
      if (!ref.current) return;
      pending = false;
      ref.current.focus();
      ref.current.select();
    };
    if (pending) focus();
    window.addEventListener(EVENT, focus);
    return () => window.removeEventListener(EVENT, focus);
  }, [ref]);
}
