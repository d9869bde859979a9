import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { prefetch } from '@/lib/api/server';
import { GroupsView } from './_components/groups-view';

// Data comes from the gateway on each request (prefetched on the server), never at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Consumer groups' };

export default async function GroupsPage() {
  const data = await prefetch((q, c) => [c.prefetchQuery(q.groupList())]);
  return (
    <HydrationBoundary state={data}>
      <GroupsView />
    </HydrationBoundary>
  );
}
