'use client';

import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Sparkline } from '@/components/sparkline';
import { PageHeader } from '@/components/page-header';
import { EmptyState, ErrorState } from '@/components/states';
import { Badge, Card, Skeleton } from '@/components/ui/misc';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { queries } from '@/lib/api/queries';
import { formatCompact, formatInt } from '@/lib/format';
import { addSample, ratesOf, type TotalSample } from '@/lib/throughput';

function Stat({ label, value, hint, href }: { label: string; value: ReactNode; hint?: ReactNode; href?: string }) {
  const body = (
    <Card className="h-full space-y-1.5 p-4 transition-colors hover:border-input">
      <p className="text-[11px] font-medium uppercase tracking-wide text-muted-foreground">{label}</p>
      <div className="tabular text-2xl font-semibold tracking-tight">{value ?? <Skeleton className="h-8 w-16" />}</div>
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
    </Card>
  );
  return href ? (
    <Link href={href} className="block rounded-lg">
      {body}
    </Link>
  ) : (
    body
  );
}

const TOTALS_PAGE = 1000;

/** Total messages and the produce rate derived from how fast it grows. */
function Throughput() {
  const totals = useQuery({ ...queries.topicList({ sort: 'messages', order: 'desc', page: 1, pageSize: TOTALS_PAGE }), refetchInterval: 5_000 });
  const [samples, setSamples] = useState<TotalSample[]>([]);
  const data = totals.data;
  const total = data ? data.topics.reduce((sum, t) => sum + (t.messages ?? 0), 0) : null;
  useEffect(() => {
    if (total !== null) setSamples((s) => addSample(s, { at: totals.dataUpdatedAt, total }));
  }, [total, totals.dataUpdatedAt]);
  const rates = ratesOf(samples);
  const current = rates[rates.length - 1]?.rate;
  const partial = data ? data.total > data.topics.length : false;
  return (
    <Card className="col-span-4 grid grid-cols-[12rem_12rem_minmax(0,1fr)] items-center gap-6 p-4">
      <div className="space-y-1.5">
        <p className="text-[11px] font-medium uppercase tracking-wide text-muted-foreground">Messages</p>
        <div className="tabular text-2xl font-semibold tracking-tight">{total === null ? <Skeleton className="h-8 w-20" /> : formatCompact(total)}</div>
        <p className="text-xs text-muted-foreground">{partial ? `in the ${formatInt(TOTALS_PAGE)} largest topics` : 'retained, all topics'}</p>
      </div>
      <div className="space-y-1.5">
        <p className="text-[11px] font-medium uppercase tracking-wide text-muted-foreground">Produce rate</p>
        <div className="tabular text-2xl font-semibold tracking-tight">{current === undefined ? '—' : `${formatCompact(Math.round(current))}/s`}</div>
        <p className="text-xs text-muted-foreground">sampled every 5 s while open</p>
      </div>
      <Sparkline values={rates.map((r) => r.rate)} width={480} label="Produce rate over the last minutes" />
    </Card>
  );
}

export function OverviewView() {
  const cluster = useQuery(queries.cluster());
  const topics = useQuery(queries.topicList({ sort: 'messages', order: 'desc', page: 1, pageSize: 5 }));
  const groups = useQuery(queries.groupList());

  const c = cluster.data;
  const lagging = groups.data
    ? [...groups.data.groups].filter((g) => (g.totalLag ?? 0) > 0).sort((a, b) => (b.totalLag ?? 0) - (a.totalLag ?? 0)).slice(0, 5)
    : [];

  return (
    <>
      <PageHeader
        title="Overview"
        description={c ? <span className="font-mono text-xs">cluster {c.clusterId}</span> : 'Your cluster at a glance'}
      />
      {cluster.isError && !c ? <ErrorState className="mb-5" error={cluster.error} onRetry={() => void cluster.refetch()} /> : null}
      <div className="grid grid-cols-4 gap-3">
        <Stat
          label="Brokers"
          href="/brokers"
          value={c ? formatInt(c.brokers.length) : null}
          hint={c ? (c.controller === null ? 'no controller' : `controller ${c.controller}`) : ' '}
        />
        <Stat label="Topics" href="/topics" value={c ? formatInt(c.topics) : null} hint={c ? `${formatInt(c.partitions)} partitions` : ' '} />
        <Stat
          label="Consumer groups"
          href="/groups"
          value={groups.data ? formatInt(groups.data.groups.length) : groups.isError ? '—' : null}
          hint={groups.data ? `${formatInt(groups.data.groups.filter((g) => g.state === 'Stable').length)} stable` : ' '}
        />
        <Stat
          label="Partition health"
          value={c ? (c.underReplicatedPartitions + c.offlinePartitions === 0 ? 'Healthy' : formatInt(c.underReplicatedPartitions + c.offlinePartitions)) : null}
          hint={c ? `${formatInt(c.underReplicatedPartitions)} under-replicated · ${formatInt(c.offlinePartitions)} offline` : ' '}
        />
        <Throughput />
      </div>

      <div className="mt-6 grid grid-cols-2 gap-4">
        <Card className="overflow-hidden">
          <div className="flex items-center justify-between border-b border-border px-4 py-3">
            <h2 className="text-[13px] font-semibold">Largest topics</h2>
            <Link href="/topics?sort=messages&order=desc" className="text-xs text-primary hover:underline">
              All topics
            </Link>
          </div>
          {topics.isError ? (
            <ErrorState className="m-3" error={topics.error} onRetry={() => void topics.refetch()} />
          ) : topics.data && topics.data.topics.length === 0 ? (
            <EmptyState title="No topics yet" description="Create one from the Topics page." />
          ) : (
            <Table aria-label="Largest topics">
              <THead>
                <tr>
                  <Th className="w-full">Topic</Th>
                  <Th className="text-right">Partitions</Th>
                  <Th className="text-right">Messages</Th>
                </tr>
              </THead>
              <TBody>
                {(topics.data?.topics ?? []).map((t) => (
                  <Tr key={t.name}>
                    <Td className="max-w-0 truncate font-medium">
                      <Link prefetch={false} href={`/topics/${encodeURIComponent(t.name)}`} className="hover:text-primary hover:underline">
                        {t.name}
                      </Link>
                    </Td>
                    <Td className="tabular text-right">{formatInt(t.partitions)}</Td>
                    <Td className="tabular text-right">{formatCompact(t.messages)}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
        <Card className="overflow-hidden">
          <div className="flex items-center justify-between border-b border-border px-4 py-3">
            <h2 className="text-[13px] font-semibold">Most lagging consumer groups</h2>
            <Link href="/groups" className="text-xs text-primary hover:underline">
              All groups
            </Link>
          </div>
          {groups.isError ? (
            <ErrorState className="m-3" error={groups.error} onRetry={() => void groups.refetch()} />
          ) : groups.data && lagging.length === 0 ? (
            <EmptyState title="No lag" description="Every consumer group is caught up, or none has committed offsets yet." />
          ) : (
            <Table aria-label="Most lagging consumer groups">
              <THead>
                <tr>
                  <Th className="w-full">Group</Th>
                  <Th>State</Th>
                  <Th className="text-right">Lag</Th>
                </tr>
              </THead>
              <TBody>
                {lagging.map((g) => (
                  <Tr key={g.groupId}>
                    <Td className="max-w-0 truncate font-medium">
                      <Link prefetch={false} href={`/groups/${encodeURIComponent(g.groupId)}`} className="hover:text-primary hover:underline">
                        {g.groupId}
                      </Link>
                    </Td>
                    <Td>
                      <Badge tone={g.state === 'Stable' ? 'success' : 'neutral'}>{g.state}</Badge>
                    </Td>
                    <Td className="tabular text-right">{formatInt(g.totalLag)}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
