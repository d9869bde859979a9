import { Card, Skeleton } from '@/components/ui/misc';

export function TopicsSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading topics">
      <div className="flex items-end justify-between pb-5">
        <div className="space-y-2">
          <Skeleton className="h-6 w-28" />
          <Skeleton className="h-4 w-64" />
        </div>
        <Skeleton className="h-8 w-28" />
      </div>
      <Skeleton className="mb-3 h-8 w-72" />
      <TopicRowsSkeleton />
    </div>
  );
}

export function TopicRowsSkeleton({ rows = 10 }: { rows?: number }) {
  return (
    <Card className="divide-y divide-border">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex h-10 items-center gap-6 px-3">
          <Skeleton className="h-3.5 w-56" />
          <Skeleton className="ml-auto h-3.5 w-10" />
          <Skeleton className="h-3.5 w-10" />
          <Skeleton className="h-3.5 w-16" />
          <Skeleton className="h-3.5 w-14" />
        </div>
      ))}
    </Card>
  );
}
