import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { prefetch } from '@/lib/api/server';
import { BrokersView } from './brokers-view';

// Data comes from the gateway on each request (prefetched on the server), never at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Brokers' };

export default async function BrokersPage() {
  const data = await prefetch((q, c) => [c.prefetchQuery(q.cluster())]);
  return (
    <HydrationBoundary state={data}>
      <BrokersView />
    </HydrationBoundary>
  );
}
