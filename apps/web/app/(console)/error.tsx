'use client';

import { useEffect } from 'react';
import { ErrorState } from '@/components/states';

/** A render error in one page keeps the shell (navigation) usable. */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return <ErrorState error={error} onRetry={reset} />;
}
