'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useState } from 'react';
import type { KafkaRecord, TopicDetail } from '@brook/contract';
import { ActivityIcon, PauseIcon, PlayIcon, TrashIcon, XIcon } from '@/components/icons';
import { RecordDetail } from '@/components/records/record-detail';
import { VirtualRecords } from '@/components/records/virtual-records';
import { recordKey } from '@/lib/decode';
import { useLiveTail, type TailStatus } from '@/components/records/use-live-tail';
import { EmptyState, ErrorState } from '@/components/states';
import { TimeZoneToggle } from '@/components/timestamp';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/input';
import { Card } from '@/components/ui/misc';
import { useSetSearch } from '@/components/use-url-state';
import { formatInt } from '@/lib/format';
import { cn } from '@/lib/utils';

const ROW_CAPS = [100, 500, 1000, 2000] as const;

const STATUS: Record<TailStatus, { label: string; dot: string }> = {
  connecting: { label: 'Connecting…', dot: 'bg-muted-foreground/50' },
  live: { label: 'Live', dot: 'bg-success animate-pulse' },
  reconnecting: { label: 'Reconnecting…', dot: 'bg-warning' },
  failed: { label: 'Stopped', dot: 'bg-danger' },
};

/** URL state of the tail: `?tab=live&from=earliest&p=1&order=oldest&rows=1000`. */
function useTailParams() {
  const params = useSearchParams();
  const setSearch = useSetSearch();
  const rows = Number(params.get('rows'));
  const partition = params.get('p');
  const state = {
    from: params.get('from') === 'earliest' ? ('earliest' as const) : ('latest' as const),
    partition: partition !== null && /^\d+$/.test(partition) ? Number(partition) : null,
    newestFirst: params.get('order') !== 'oldest',
    rowCap: (ROW_CAPS as readonly number[]).includes(rows) ? rows : 500,
  };
  const set = (change: Partial<typeof state>) => {
    const next = { ...state, ...change };
    const out = new URLSearchParams({ tab: 'live' });
    if (next.from === 'earliest') out.set('from', 'earliest');
    if (next.partition !== null) out.set('p', String(next.partition));
    if (!next.newestFirst) out.set('order', 'oldest');
    if (next.rowCap !== 500) out.set('rows', String(next.rowCap));
    setSearch(`?${out}`, 'replace');
  };
  return [state, set] as const;
}

export function LiveTab({ topic, detail }: { topic: string; detail: TopicDetail | undefined }) {
  const [state, set] = useTailParams();
  const { view, pause, resume, clear, retry } = useLiveTail(topic, { from: state.from, partition: state.partition, rowCap: state.rowCap });
  const rows = useMemo(() => (state.newestFirst ? [...view.rows].reverse() : view.rows), [view.rows, state.newestFirst]);
  // A copy of the chosen record: it stays open even after the row cap pushes it out.
  const [selected, setSelected] = useState<KafkaRecord | null>(null);
  // Stable, so rows whose record did not change skip re-rendering.
  const onSelect = useCallback((record: KafkaRecord) => setSelected((current) => (current && recordKey(current) === recordKey(record) ? null : record)), []);
  const status = view.paused && view.status === 'live' ? { label: 'Paused', dot: 'bg-warning' } : STATUS[view.status];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant={view.paused ? 'primary' : 'secondary'} onClick={view.paused ? resume : pause} disabled={view.status === 'failed'}>
          {view.paused ? <PlayIcon size={14} /> : <PauseIcon size={14} />}
          {view.paused ? 'Resume' : 'Pause'}
        </Button>
        <Button variant="ghost" onClick={clear}>
          <TrashIcon size={14} /> Clear
        </Button>
        <span className="mx-1 h-5 w-px bg-border" aria-hidden="true" />
        <Select aria-label="Start from" value={state.from} onChange={(e) => set({ from: e.target.value === 'earliest' ? 'earliest' : 'latest' })} className="h-7 w-auto text-xs">
          <option value="latest">New records only</option>
          <option value="earliest">From the beginning</option>
        </Select>
        <Select
          aria-label="Partition"
          value={state.partition ?? ''}
          onChange={(e) => set({ partition: e.target.value === '' ? null : Number(e.target.value) })}
          className="h-7 w-auto text-xs"
        >
          <option value="">All partitions</option>
          {Array.from({ length: detail?.partitions.length ?? 0 }, (_, p) => (
            <option key={p} value={p}>
              Partition {p}
            </option>
          ))}
        </Select>
        <Select aria-label="Order" value={state.newestFirst ? 'newest' : 'oldest'} onChange={(e) => set({ newestFirst: e.target.value === 'newest' })} className="h-7 w-auto text-xs">
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </Select>
        <Select aria-label="Rows kept" value={state.rowCap} onChange={(e) => set({ rowCap: Number(e.target.value) })} className="h-7 w-auto text-xs">
          {ROW_CAPS.map((cap) => (
            <option key={cap} value={cap}>
              Keep {formatInt(cap)} rows
            </option>
          ))}
        </Select>
      </div>

      {view.error ? <ErrorState error={view.error} onRetry={retry} /> : null}

      <Card className="overflow-hidden">
        <div className="flex items-center justify-between gap-3 border-b border-border px-3 py-2 text-xs">
          <span className="flex items-center gap-3" role="status" aria-live="polite">
            <span className="flex items-center gap-1.5 font-medium">
              <span aria-hidden="true" className={cn('size-2 rounded-full', status.dot)} />
              {status.label}
            </span>
            {view.paused ? (
              <span className="text-warning">
                {formatInt(view.arrivedWhilePaused)} new while paused
                {view.droppedWhilePaused > 0 ? ` (${formatInt(view.droppedWhilePaused)} beyond the ${formatInt(10_000)}-record buffer dropped)` : ''}
              </span>
            ) : null}
          </span>
          <span className="flex items-center gap-3 text-muted-foreground">
            <span className="tabular flex items-center gap-1" title="Records per second, last 2 s">
              <ActivityIcon size={13} /> {formatInt(Math.round(view.ratePerSecond))} rec/s
            </span>
            <span className="tabular">
              {formatInt(rows.length)} shown · {formatInt(view.received)} received
            </span>
            <TimeZoneToggle />
          </span>
        </div>
        <VirtualRecords
          label="Live records"
          records={rows}
          selected={selected ? recordKey(selected) : null}
          onSelect={onSelect}
          empty={
            <EmptyState
              title={view.status === 'live' ? 'Waiting for records…' : 'Connecting to the stream…'}
              description={state.from === 'latest' ? 'New records appear here as they are produced. Try the Produce tab.' : 'Reading from the beginning of the topic.'}
            />
          }
        />
      </Card>
      {selected ? (
        <Card className="relative p-4">
          <button
            type="button"
            onClick={() => setSelected(null)}
            aria-label="Close record"
            className="absolute right-3 top-3 rounded-md p-1 text-muted-foreground hover:bg-muted hover:text-foreground"
          >
            <XIcon size={14} />
          </button>
          <RecordDetail record={selected} />
        </Card>
      ) : null}
    </div>
  );
}
