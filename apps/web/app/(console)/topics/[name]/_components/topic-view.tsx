'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '@/components/page-header';
import { ErrorState } from '@/components/states';
import { Card, Skeleton } from '@/components/ui/misc';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { queries } from '@/lib/api/queries';
import { formatInt } from '@/lib/format';

export function TopicView({ name }: { name: string }) {
  const topic = useQuery(queries.topic(name));
  const data = topic.data;
  return (
    <>
      <PageHeader
        breadcrumb={
          <Link href="/topics" className="hover:text-foreground">
            Topics
          </Link>
        }
        title={<span className="font-mono">{name}</span>}
        description={data ? `${formatInt(data.partitions.length)} partitions · replication ${data.replicationFactor} · ${formatInt(data.messages)} messages` : ' '}
      />
      {topic.isError && !data ? (
        <ErrorState error={topic.error} onRetry={() => void topic.refetch()} />
      ) : (
        <Card className="overflow-hidden">
          <Table aria-label="Partitions">
            <THead>
              <tr>
                <Th>Partition</Th>
                <Th className="text-right">Leader</Th>
                <Th>Replicas</Th>
                <Th>In sync</Th>
                <Th className="text-right">Earliest</Th>
                <Th className="text-right">Latest</Th>
                <Th className="text-right">Messages</Th>
              </tr>
            </THead>
            <TBody>
              {data
                ? data.partitions.map((p) => (
                    <Tr key={p.partition}>
                      <Td className="tabular font-medium">{p.partition}</Td>
                      <Td className="tabular text-right">{p.leader < 0 ? 'none' : p.leader}</Td>
                      <Td className="tabular">{p.replicas.join(', ')}</Td>
                      <Td className="tabular">{p.isr.join(', ')}</Td>
                      <Td className="tabular text-right">{formatInt(p.earliestOffset)}</Td>
                      <Td className="tabular text-right">{formatInt(p.latestOffset)}</Td>
                      <Td className="tabular text-right">{formatInt(p.messages)}</Td>
                    </Tr>
                  ))
                : Array.from({ length: 3 }, (_, i) => (
                    <Tr key={i}>
                      {Array.from({ length: 7 }, (__, j) => (
                        <Td key={j}>
                          <Skeleton className="h-3.5 w-12" />
                        </Td>
                      ))}
                    </Tr>
                  ))}
            </TBody>
          </Table>
        </Card>
      )}
    </>
  );
}
