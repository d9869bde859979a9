'use client';

import { useSearchParams } from 'next/navigation';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo } from 'react';
import type { KafkaRecord, TopicDetail } from '@brook/contract';
import { DownloadIcon, RefreshIcon } from '@/components/icons';
import { RecordsTable } from '@/components/records/records-table';
import { EmptyState, ErrorState } from '@/components/states';
import { TimeZoneToggle } from '@/components/timestamp';
import { Button } from '@/components/ui/button';
import { Card, Skeleton, Spinner } from '@/components/ui/misc';
import { useSetSearch } from '@/components/use-url-state';
import { queries } from '@/lib/api/queries';
import { browserQuery, parseBrowserState, writeBrowserState, type BrowserState } from '@/lib/browser-state';
import { exportFileName, recordsToCsv, recordsToJson } from '@/lib/export';
import { formatInt } from '@/lib/format';
import { cn } from '@/lib/utils';
import { MessagesToolbar } from './messages-toolbar';

const NEIGHBOUR_PREFETCH_DELAY_MS = 1000;

function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Newest first when browsing the newest records; otherwise in time order. */
function ordered(records: readonly KafkaRecord[], newestFirst: boolean): KafkaRecord[] {
  const sign = newestFirst ? -1 : 1;
  return [...records].sort((a, b) => sign * (a.timestamp - b.timestamp || a.partition - b.partition || a.offset - b.offset));
}

export function MessagesTab({ topic, detail }: { topic: string; detail: TopicDetail | undefined }) {
  const params = useSearchParams();
  const setSearch = useSetSearch();
  const state = parseBrowserState(params);
  const query = browserQuery(state);
  const page = useQuery({ ...queries.messages(topic, query ?? {}), enabled: query !== null });
  const queryClient = useQueryClient();
  /** Starts reading a view's page into the cache (a no-op while a fresh copy is there or on its way). */
  const prefetchView = useCallback(
    (view: BrowserState) => {
      const viewQuery = browserQuery(view);
      if (viewQuery) void queryClient.prefetchQuery(queries.messages(topic, viewQuery));
    },
    [queryClient, topic],
  );
  const data = page.data;
  // Paging feels instant when the neighbours are already in the cache. Fetched a moment after
  // the page settles: at once, two more reads would compete with hydration and queue ahead of
  // the user's first change of view on the gateway's connection; a change in between cancels them.
  const stateKey = params.toString();
  useEffect(() => {
    if (!data || page.isPlaceholderData || data.records.length === 0) return;
    const timer = setTimeout(() => {
      const current = parseBrowserState(new URLSearchParams(stateKey));
      for (const cursor of [data.nextCursor, data.prevCursor]) if (cursor) prefetchView({ ...current, cursor });
    }, NEIGHBOUR_PREFETCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [data, page.isPlaceholderData, prefetchView, stateKey]);
  const records = useMemo(() => ordered(page.data?.records ?? [], state.mode === 'newest'), [page.data, state.mode]);

  const go = (next: BrowserState, mode: 'push' | 'replace' = 'push') => {
    // The read starts with the user's action: useQuery would issue it only once the new view state
    // has rendered and committed, 30-70 ms later. Its useQuery then joins the request in flight.
    prefetchView(next);
    const search = writeBrowserState(next, new URLSearchParams(params)).toString();
    setSearch(search ? `?${search}` : '', mode);
  };

  return (
    <div className="space-y-3">
      <MessagesToolbar state={state} partitions={detail?.partitions.length ?? 0} onChange={(next) => go(next, 'replace')} />
      <Card className="overflow-hidden">
        <div className="flex items-center justify-between gap-3 border-b border-border px-3 py-2 text-xs text-muted-foreground">
          <span className="flex items-center gap-2">
            {data ? `${formatInt(data.records.length)} record${data.records.length === 1 ? '' : 's'}` : query === null ? 'Choose where to start' : 'Loading…'}
            {page.isFetching ? <Spinner /> : null}
            <TimeZoneToggle />
          </span>
          <span className="flex items-center gap-1">
            <Button size="sm" variant="ghost" onClick={() => void page.refetch()} disabled={query === null}>
              <RefreshIcon size={13} /> Refresh
            </Button>
            <Button size="sm" variant="ghost" disabled={!data?.records.length} onClick={() => download(exportFileName(topic, 'json'), recordsToJson(records), 'application/json')}>
              <DownloadIcon size={13} /> Export JSON
            </Button>
            <Button size="sm" variant="ghost" disabled={!data?.records.length} onClick={() => download(exportFileName(topic, 'csv'), recordsToCsv(records), 'text/csv')}>
              <DownloadIcon size={13} /> Export CSV
            </Button>
          </span>
        </div>
        {page.isError && !data ? (
          <ErrorState className="m-3" error={page.error} onRetry={() => void page.refetch()} />
        ) : page.isPending && query !== null ? (
          <div className="space-y-2 p-3">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} className="h-6 w-full" />
            ))}
          </div>
        ) : (
          <div className={cn(page.isPlaceholderData && 'opacity-60')}>
            <RecordsTable
              label="Messages"
              records={records}
              emptyRow={
                <EmptyState
                  title={state.key || state.value || state.header ? 'No record matches these filters' : 'No records here'}
                  description={
                    query === null
                      ? 'Enter an offset or a time to start from.'
                      : state.cursor
                        ? 'This page is past the end: new records will appear here once produced.'
                        : 'Produce a record from the Produce tab, or start from the oldest records.'
                  }
                />
              }
            />
          </div>
        )}
        <nav aria-label="Message pages" className="flex items-center justify-between border-t border-border px-3 py-2">
          <span className="text-xs text-muted-foreground">
            {data && data.partitions.length ? `${formatInt(data.partitions.length)} partition${data.partitions.length === 1 ? '' : 's'} read` : ' '}
          </span>
          <span className="flex gap-2">
            <Button size="sm" disabled={!data?.prevCursor} title="Earlier offsets" onClick={() => data?.prevCursor && go({ ...state, cursor: data.prevCursor })}>
              Previous page
            </Button>
            <Button size="sm" disabled={!data || data.records.length === 0} title="Later offsets" onClick={() => data && go({ ...state, cursor: data.nextCursor })}>
              Next page
            </Button>
          </span>
        </nav>
      </Card>
    </div>
  );
}
