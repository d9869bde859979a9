import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { prefetch } from '@/lib/api/server';
import { OverviewView } from './_components/overview-view';

// Data comes from the gateway on each request (prefetched on the server), never at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const data = await prefetch((q, c) => [c.prefetchQuery(q.cluster()), c.prefetchQuery(q.topicList({ sort: 'messages', order: 'desc', page: 1, pageSize: 5 }))]);
  return (
    <HydrationBoundary state={data}>
      <OverviewView />
    </HydrationBoundary>
  );
}
