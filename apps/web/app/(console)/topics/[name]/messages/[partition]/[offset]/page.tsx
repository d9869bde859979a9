import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { prefetch } from '@/lib/api/server';
import { decodeParam } from '@/lib/params';
import { MessageView } from './message-view';

type Params = Promise<{ name: string; partition: string; offset: string }>;

// Data comes from the gateway on each request (prefetched on the server), never at build time.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { name, partition, offset } = await params;
  return { title: `${decodeParam(name)} · ${partition}@${offset}` };
}

export default async function MessagePage({ params }: { params: Params }) {
  const { name, partition, offset } = await params;
  const topic = decodeParam(name);
  const valid = /^\d{1,9}$/.test(partition) && /^\d{1,16}$/.test(offset);
  const data = await prefetch((q, c) => (valid ? [c.prefetchQuery(q.messages(topic, { partition: Number(partition), offset: Number(offset), limit: 1 }))] : []));
  return (
    <HydrationBoundary state={data}>
      <MessageView topic={topic} partition={partition} offset={offset} />
    </HydrationBoundary>
  );
}
