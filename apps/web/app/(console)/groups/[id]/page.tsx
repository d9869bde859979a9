import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { prefetch } from '@/lib/api/server';
import { decodeParam } from '@/lib/params';
import { GroupView } from './_components/group-view';

type Params = Promise<{ id: string }>;

// Data comes from the gateway on each request (prefetched on the server), never at build time.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: decodeParam((await params).id) };
}

export default async function GroupPage({ params }: { params: Params }) {
  const id = decodeParam((await params).id);
  const data = await prefetch((q, c) => [c.prefetchQuery(q.group(id))]);
  return (
    <HydrationBoundary state={data}>
      <GroupView id={id} />
    </HydrationBoundary>
  );
}
