'use client';

import { useLinkStatus } from 'next/link';

/**
 * Inline feedback inside a <Link> while its navigation is pending. Pages render on the
 * server with their data and have no loading.tsx (its Suspense reveal is throttled by
 * React, which cost ~300 ms on every first load), so the clicked link shows the wait.
 */
export function LinkPending() {
  const { pending } = useLinkStatus();
  return (
    <span
      aria-hidden="true"
      className={pending ? 'ml-1.5 inline-block size-3 animate-spin rounded-full border-2 border-current border-r-transparent align-[-2px] opacity-70' : 'hidden'}
    />
  );
}
