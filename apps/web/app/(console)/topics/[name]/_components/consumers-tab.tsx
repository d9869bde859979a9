'use client';

import Link from 'next/link';
import { useQueries, useQuery } from '@tanstack/react-query';
import { EmptyState, ErrorState } from '@/components/states';
import { Badge, Card, Skeleton } from '@/components/ui/misc';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { queries } from '@/lib/api/queries';
import { formatInt } from '@/lib/format';
import { groupStateTone } from '@/lib/group-state';

/** Details are fetched for at most this many groups (each one a gateway call). */
const DETAIL_LIMIT = 25;

export function ConsumersTab({ topic }: { topic: string }) {
  const groups = useQuery(queries.groupList());
  const readingIds = (groups.data?.groups ?? []).filter((g) => g.topics.includes(topic)).map((g) => g.groupId);
  const details = useQueries({ queries: readingIds.slice(0, DETAIL_LIMIT).map((id) => queries.group(id)) });
  const topicLag = new Map<string, number>();
  details.forEach((d, i) => {
    const id = readingIds[i];
    if (d.data && id) topicLag.set(id, d.data.offsets.filter((o) => o.topic === topic).reduce((sum, o) => sum + o.lag, 0));
  });
  if (groups.isError && !groups.data) return <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />;
  if (!groups.data) return <Skeleton className="h-32 w-full" />;
  const reading = groups.data.groups.filter((g) => g.topics.includes(topic));
  if (reading.length === 0) {
    return (
      <Card>
        <EmptyState title="No consumer group reads this topic" description="A group appears here once it commits an offset for one of its partitions." />
      </Card>
    );
  }
  return (
    <Card className="overflow-hidden">
      <Table aria-label="Consumer groups reading this topic">
        <THead>
          <tr>
            <Th className="w-full">Group</Th>
            <Th>State</Th>
            <Th className="text-right">Members</Th>
            <Th className="text-right">Lag on this topic</Th>
            <Th className="text-right">Total lag</Th>
          </tr>
        </THead>
        <TBody>
          {reading.map((g) => (
            <Tr key={g.groupId}>
              <Td className="max-w-0 truncate font-medium">
                <Link prefetch={false} href={`/groups/${encodeURIComponent(g.groupId)}`} className="hover:text-primary hover:underline">
                  {g.groupId}
                </Link>
              </Td>
              <Td>
                <Badge tone={groupStateTone(g.state)}>{g.state}</Badge>
              </Td>
              <Td className="tabular text-right">{formatInt(g.members)}</Td>
              <Td className="tabular text-right font-medium">{topicLag.has(g.groupId) ? formatInt(topicLag.get(g.groupId)) : '…'}</Td>
              <Td className="tabular text-right text-muted-foreground">{formatInt(g.totalLag)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <p className="border-t border-border px-3 py-2 text-xs text-muted-foreground">Total lag covers every topic the group reads; open a group for per-partition lag and its history.</p>
    </Card>
  );
}
