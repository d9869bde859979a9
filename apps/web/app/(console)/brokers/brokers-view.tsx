'use client';

import { useQuery } from '@tanstack/react-query';
import { PageHeader } from '@/components/page-header';
import { ErrorState } from '@/components/states';
import { Badge, Card, Skeleton } from '@/components/ui/misc';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { queries } from '@/lib/api/queries';
import { formatInt } from '@/lib/format';

export function BrokersView() {
  const cluster = useQuery(queries.cluster());
  const data = cluster.data;
  return (
    <>
      <PageHeader
        title="Brokers"
        description={data ? `Cluster ${data.clusterId} · ${formatInt(data.brokers.length)} broker${data.brokers.length === 1 ? '' : 's'}` : 'The servers of the cluster'}
      />
      {cluster.isError && !data ? (
        <ErrorState error={cluster.error} onRetry={() => void cluster.refetch()} />
      ) : (
        <Card className="overflow-hidden">
          <Table aria-label="Brokers">
            <THead>
              <tr>
                <Th>ID</Th>
                <Th>Host</Th>
                <Th className="text-right">Port</Th>
                <Th>Rack</Th>
                <Th>Role</Th>
                <Th className="text-right">Leader partitions</Th>
                <Th className="text-right">Replicas</Th>
              </tr>
            </THead>
            <TBody>
              {data
                ? [...data.brokers]
                    .sort((a, b) => a.nodeId - b.nodeId)
                    .map((broker) => (
                      <Tr key={broker.nodeId}>
                        <Td className="tabular font-medium">{broker.nodeId}</Td>
                        <Td className="font-mono text-xs">{broker.host}</Td>
                        <Td className="tabular text-right">{broker.port}</Td>
                        <Td className="text-muted-foreground">{broker.rack ?? '—'}</Td>
                        <Td>{broker.isController ? <Badge tone="primary">controller</Badge> : <span className="text-muted-foreground">broker</span>}</Td>
                        <Td className="tabular text-right">{formatInt(broker.leaderPartitions)}</Td>
                        <Td className="tabular text-right">{formatInt(broker.replicaPartitions)}</Td>
                      </Tr>
                    ))
                : Array.from({ length: 3 }, (_, i) => (
                    <Tr key={i}>
                      {Array.from({ length: 7 }, (__, j) => (
                        <Td key={j}>
                          <Skeleton className="h-3.5 w-16" />
                        </Td>
                      ))}
                    </Tr>
                  ))}
            </TBody>
          </Table>
        </Card>
      )}
      {data && (data.underReplicatedPartitions > 0 || data.offlinePartitions > 0) ? (
        <p className="mt-3 text-xs text-warning">
          {formatInt(data.underReplicatedPartitions)} under-replicated and {formatInt(data.offlinePartitions)} offline partitions.
        </p>
      ) : null}
    </>
  );
}
