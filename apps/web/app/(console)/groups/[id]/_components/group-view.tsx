'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { GroupDetail } from '@brook/contract';
import { RefreshIcon, TrashIcon } from '@/components/icons';
import { PageHeader } from '@/components/page-header';
import { EmptyState, ErrorState } from '@/components/states';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Badge, Card, Skeleton, Spinner } from '@/components/ui/misc';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { api } from '@/lib/api/client';
import { keys } from '@/lib/api/keys';
import { queries } from '@/lib/api/queries';
import { formatDuration, formatInt } from '@/lib/format';
import { groupStateTone } from '@/lib/group-state';
import { LagChart } from './lag-chart';

// The reset form (strategies, preview) loads when opened.
const ResetOffsetsDialog = dynamic(() => import('./reset-offsets-dialog').then((m) => m.ResetOffsetsDialog));

function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Card className="space-y-1 p-4">
      <p className="text-[11px] font-medium uppercase tracking-wide text-muted-foreground">{label}</p>
      <div className="tabular text-xl font-semibold tracking-tight">{value}</div>
    </Card>
  );
}

function DeleteGroupDialog({ open, onClose, group }: { open: boolean; onClose: () => void; group: GroupDetail }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api.deleteGroup(group.groupId),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: keys.group(group.groupId) });
      await queryClient.invalidateQueries({ queryKey: keys.groups() });
      router.push('/groups');
    },
  });
  return (
    <Dialog open={open} onClose={() => !remove.isPending && onClose()} title="Delete consumer group" description="Its committed offsets are removed; consumers joining it again start from their reset policy.">
      <div className="space-y-3 px-5 py-4 text-[13px]">
        {group.members.length > 0 ? (
          <p role="alert" className="text-warning">The group still has {group.members.length} active member(s); Kafka will refuse until they leave.</p>
        ) : null}
        {remove.isError ? <ErrorState kind="mutation" error={remove.error} onRetry={() => remove.mutate()} /> : null}
      </div>
      <div className="flex justify-end gap-2 border-t border-border bg-surface-raised px-5 py-3">
        <Button onClick={onClose} disabled={remove.isPending}>
          Cancel
        </Button>
        <Button variant="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
          {remove.isPending ? <Spinner /> : null} Delete group
        </Button>
      </div>
    </Dialog>
  );
}

export function GroupView({ id }: { id: string }) {
  const group = useQuery(queries.group(id));
  const [dialog, setDialog] = useState<'reset' | 'delete' | null>(null);
  const g = group.data;
  const memberOf = new Map(g?.members.map((m) => [m.memberId, m.clientId]) ?? []);

  return (
    <>
      <PageHeader
        breadcrumb={
          <Link href="/groups" className="hover:text-foreground">
            Consumer groups
          </Link>
        }
        title={
          <span className="flex items-center gap-2">
            <span className="font-mono">{id}</span>
            {g ? <Badge tone={groupStateTone(g.state)}>{g.state}</Badge> : null}
          </span>
        }
        description={g ? `${g.protocolType || 'no protocol type'}${g.protocol ? ` · ${g.protocol}` : ''}` : undefined}
        actions={
          <>
            <Button onClick={() => void group.refetch()} variant="ghost" aria-label="Refresh">
              {group.isFetching ? <Spinner /> : <RefreshIcon size={14} />}
            </Button>
            <Button onClick={() => setDialog('reset')} disabled={!g || g.offsets.length === 0}>
              Reset offsets
            </Button>
            <Button variant="ghost" className="text-danger hover:bg-danger/10" onClick={() => setDialog('delete')} disabled={!g}>
              <TrashIcon size={14} /> Delete
            </Button>
          </>
        }
      />
      {group.isError && !g ? (
        <ErrorState error={group.error} onRetry={() => void group.refetch()} />
      ) : !g ? (
        <div className="space-y-4">
          <div className="grid grid-cols-4 gap-3">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-20" />
            ))}
          </div>
          <Skeleton className="h-56" />
        </div>
      ) : (
        <div className="space-y-5">
          <div className="grid grid-cols-4 gap-3">
            <Stat label="Members" value={formatInt(g.members.length)} />
            <Stat label="Total lag" value={formatInt(g.totalLag)} />
            <Stat label="Largest partition lag" value={formatInt(g.maxLag)} />
            <Stat label="Time lag" value={formatDuration(g.maxTimeLagMs)} />
          </div>
          <Card className="p-4">
            <h2 className="mb-2 text-[13px] font-semibold">Lag over time</h2>
            <LagChart samples={g.lagHistory} />
          </Card>
          <Card className="overflow-hidden">
            <h2 className="border-b border-border px-4 py-3 text-[13px] font-semibold">Offsets and lag per partition</h2>
            {g.offsets.length === 0 ? (
              <EmptyState title="No committed offsets" description="The group has not committed any offset yet." />
            ) : (
              <Table aria-label="Partition offsets">
                <THead>
                  <tr>
                    <Th>Topic</Th>
                    <Th className="text-right">Partition</Th>
                    <Th className="text-right">Committed</Th>
                    <Th className="text-right">Log end</Th>
                    <Th className="text-right">Lag</Th>
                    <Th className="text-right">Time lag</Th>
                    <Th>Consumer</Th>
                  </tr>
                </THead>
                <TBody>
                  {g.offsets.map((o) => (
                    <Tr key={`${o.topic}-${o.partition}`}>
                      <Td className="font-mono text-xs">
                        <Link prefetch={false} href={`/topics/${encodeURIComponent(o.topic)}`} className="hover:text-primary hover:underline">
                          {o.topic}
                        </Link>
                      </Td>
                      <Td className="tabular text-right">{o.partition}</Td>
                      <Td className="tabular text-right">{o.committedOffset === null ? <span className="text-muted-foreground">none</span> : formatInt(o.committedOffset)}</Td>
                      <Td className="tabular text-right">{formatInt(o.logEndOffset)}</Td>
                      <Td className={`tabular text-right font-medium ${o.lag > 0 ? 'text-warning' : 'text-success'}`}>{formatInt(o.lag)}</Td>
                      <Td className="tabular whitespace-nowrap text-right text-muted-foreground">{formatDuration(o.timeLagMs)}</Td>
                      <Td className="max-w-48 truncate text-xs text-muted-foreground" title={o.memberId ?? undefined}>
                        {o.memberId ? memberOf.get(o.memberId) ?? o.memberId : '—'}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </Card>
          <Card className="overflow-hidden">
            <h2 className="border-b border-border px-4 py-3 text-[13px] font-semibold">Members</h2>
            {g.members.length === 0 ? (
              <EmptyState title="No active members" description="Offsets can be reset while the group is empty." />
            ) : (
              <Table aria-label="Members">
                <THead>
                  <tr>
                    <Th>Client</Th>
                    <Th>Host</Th>
                    <Th>Assigned partitions</Th>
                    <Th>Member id</Th>
                  </tr>
                </THead>
                <TBody>
                  {g.members.map((m) => (
                    <Tr key={m.memberId}>
                      <Td className="font-medium">{m.clientId}</Td>
                      <Td className="font-mono text-xs">{m.clientHost}</Td>
                      <Td className="text-xs">{m.assignments.map((a) => `${a.topic} [${a.partitions.join(', ')}]`).join('; ') || '—'}</Td>
                      <Td className="max-w-64 truncate font-mono text-[11px] text-muted-foreground" title={m.memberId}>
                        {m.memberId}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            )}
          </Card>
          {dialog === 'reset' ? <ResetOffsetsDialog open onClose={() => setDialog(null)} group={g} /> : null}
          <DeleteGroupDialog open={dialog === 'delete'} onClose={() => setDialog(null)} group={g} />
        </div>
      )}
    </>
  );
}
