'use client';

import type { TopicDetail } from '@brook/contract';
import { Badge, Card, Skeleton } from '@/components/ui/misc';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { formatInt } from '@/lib/format';

export function PartitionsTab({ detail }: { detail: TopicDetail | undefined }) {
  return (
    <Card className="overflow-hidden">
      <Table aria-label="Partitions">
        <THead>
          <tr>
            <Th>Partition</Th>
            <Th className="text-right">Leader</Th>
            <Th>Replicas</Th>
            <Th>In-sync replicas</Th>
            <Th className="text-right">Earliest offset</Th>
            <Th className="text-right">Latest offset</Th>
            <Th className="text-right">Messages</Th>
          </tr>
        </THead>
        <TBody>
          {detail
            ? detail.partitions.map((p) => (
                <Tr key={p.partition}>
                  <Td className="tabular font-medium">{p.partition}</Td>
                  <Td className="tabular text-right">{p.leader < 0 ? <Badge tone="danger">offline</Badge> : p.leader}</Td>
                  <Td className="tabular">{p.replicas.join(', ')}</Td>
                  <Td className="tabular">
                    <span className="flex items-center gap-2">
                      {p.isr.join(', ') || '—'}
                      {p.underReplicated ? <Badge tone="warning">under-replicated</Badge> : null}
                      {p.offlineReplicas.length ? <Badge tone="danger">{`${p.offlineReplicas.length} offline replica${p.offlineReplicas.length === 1 ? '' : 's'}`}</Badge> : null}
                    </span>
                  </Td>
                  <Td className="tabular text-right">{formatInt(p.earliestOffset)}</Td>
                  <Td className="tabular text-right">{formatInt(p.latestOffset)}</Td>
                  <Td className="tabular text-right font-medium">{formatInt(p.messages)}</Td>
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
  );
}
