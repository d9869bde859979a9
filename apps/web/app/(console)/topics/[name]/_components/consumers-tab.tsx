'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { EmptyState, ErrorState } from '@/components/states';
import { Badge, Card, Skeleton } from '@/components/ui/misc';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { queries } from '@/lib/api/queries';
import { formatInt } from '@/lib/format';
import { groupStateTone } from '@/lib/group-state';

export function ConsumersTab({ topic }: { topic: string }) {
  const groups = useQuery(queries.groupList());
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
              <Td className="tabular text-right">{formatInt(g.totalLag)}</Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <p className="border-t border-border px-3 py-2 text-xs text-muted-foreground">Lag is the group’s total over all its topics; open a group for per-partition lag.</p>
    </Card>
  );
}
