import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { prefetch, toSearchParams } from '@/lib/api/server';
import { browserQuery, parseBrowserState } from '@/lib/browser-state';
import { decodeParam } from '@/lib/params';
import { TopicView } from './_components/topic-view';

type Params = Promise<{ name: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Data comes from the gateway on each request (prefetched on the server), never at build time.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: decodeParam((await params).name) };
}

export default async function TopicPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const name = decodeParam((await params).name);
  const search = toSearchParams(await searchParams);
  // The default tab is the message browser: its first page comes with the HTML.
  const messages = (search.get('tab') ?? 'messages') === 'messages' ? browserQuery(parseBrowserState(search)) : null;
  const data = await prefetch((q, c) => [c.prefetchQuery(q.topic(name)), ...(messages ? [c.prefetchQuery(q.messages(name, messages))] : [])]);
  return (
    <HydrationBoundary state={data}>
      <TopicView name={name} />
    </HydrationBoundary>
  );
}
