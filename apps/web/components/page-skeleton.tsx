import { Card, Skeleton } from '@/components/ui/misc';

/** The shape of a console page while its route loads: header, optional stat cards, a table. */
export function PageSkeleton({ stats = 0, tabs = false, rows = 8 }: { stats?: number; tabs?: boolean; rows?: number }) {
  return (
    <div aria-busy="true" aria-label="Loading">
      <div className="space-y-2 pb-5">
        <Skeleton className="h-3 w-16" />
        <Skeleton className="h-6 w-48" />
        <Skeleton className="h-4 w-72" />
      </div>
      {stats > 0 ? (
        <div className="mb-5 grid grid-cols-4 gap-3">
          {Array.from({ length: stats }, (_, i) => (
            <Skeleton key={i} className="h-24" />
          ))}
        </div>
      ) : null}
      {tabs ? <Skeleton className="mb-4 h-9 w-full max-w-xl" /> : null}
      <Card className="divide-y divide-border">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex h-10 items-center gap-6 px-3">
            <Skeleton className="h-3.5 w-48" />
            <Skeleton className="ml-auto h-3.5 w-16" />
            <Skeleton className="h-3.5 w-20" />
          </div>
        ))}
      </Card>
    </div>
  );
}
