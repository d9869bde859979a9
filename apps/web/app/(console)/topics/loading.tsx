import { TopicsSkeleton } from './_components/topics-skeleton';

export default function Loading() {
  return <TopicsSkeleton />;
}
