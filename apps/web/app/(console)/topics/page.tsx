import type { Metadata } from 'next';
import { HydrationBoundary } from '@tanstack/react-query';
import { prefetch, toSearchParams } from '@/lib/api/server';
import { parseTopicListState, topicListQuery } from '@/lib/topic-list-state';
import { TopicsView } from './_components/topics-view';

// Data comes from the gateway on each request (prefetched on the server), never at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Topics' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function TopicsPage({ searchParams }: { searchParams: SearchParams }) {
  const state = parseTopicListState(toSearchParams(await searchParams));
  const data = await prefetch((q, c) => [c.prefetchQuery(q.topicList(topicListQuery(state)))]);
  // Rendered per request (it reads searchParams), so useSearchParams needs no Suspense here;
  // one boundary fewer means the table is revealed with the rest of the page.
  return (
    <HydrationBoundary state={data}>
      <TopicsView />
    </HydrationBoundary>
  );
}
