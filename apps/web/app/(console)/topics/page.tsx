import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TopicsSkeleton } from './_components/topics-skeleton';
import { TopicsView } from './_components/topics-view';

export const metadata: Metadata = { title: 'Topics' };

export default function TopicsPage() {
  // The view reads its state from the URL (useSearchParams), hence the boundary.
  return (
    <Suspense fallback={<TopicsSkeleton />}>
      <TopicsView />
    </Suspense>
  );
}
