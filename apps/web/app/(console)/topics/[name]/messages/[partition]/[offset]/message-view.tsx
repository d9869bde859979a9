'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '@/components/page-header';
import { RecordDetail } from '@/components/records/record-detail';
import { EmptyState, ErrorState } from '@/components/states';
import { Card, Skeleton } from '@/components/ui/misc';
import { queries } from '@/lib/api/queries';

/** One record, by partition and offset: the target of "Copy link". */
export function MessageView({ topic, partition, offset }: { topic: string; partition: string; offset: string }) {
  const valid = /^\d{1,9}$/.test(partition) && /^\d{1,16}$/.test(offset);
  const p = Number(partition);
  const o = Number(offset);
  const read = useQuery({ ...queries.messages(topic, { partition: p, offset: o, limit: 1 }), enabled: valid });
  const record = read.data?.records.find((r) => r.partition === p && r.offset === o);
  const topicHref = `/topics/${encodeURIComponent(topic)}`;
  return (
    <>
      <PageHeader
        breadcrumb={
          <span className="flex gap-1.5">
            <Link href="/topics" className="hover:text-foreground">
              Topics
            </Link>
            /
            <Link href={topicHref} className="font-mono hover:text-foreground">
              {topic}
            </Link>
          </span>
        }
        title={
          <span className="tabular">
            Partition {partition} · offset {offset}
          </span>
        }
        actions={
          <Link href={`${topicHref}?mode=offset&p=${partition}&o=${offset}`} className="text-xs text-primary hover:underline">
            Browse from here
          </Link>
        }
      />
      <Card className="p-5">
        {!valid ? (
          <EmptyState title="Not a message address" description="The link should end in /messages/<partition>/<offset>." />
        ) : read.isError ? (
          <ErrorState error={read.error} onRetry={() => void read.refetch()} />
        ) : read.isPending ? (
          <div className="space-y-3">
            <Skeleton className="h-4 w-96" />
            <Skeleton className="h-48 w-full" />
          </div>
        ) : record ? (
          <RecordDetail record={record} showOpen={false} />
        ) : (
          <EmptyState
            title="No record at this offset"
            description="It may have been removed by retention or compaction, or not been written yet."
            action={
              <Link href={`${topicHref}?mode=offset&p=${partition}&o=${offset}`} className="text-xs text-primary hover:underline">
                Browse the partition from this offset
              </Link>
            }
          />
        )}
      </Card>
    </>
  );
}
