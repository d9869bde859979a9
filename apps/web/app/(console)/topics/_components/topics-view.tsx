'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { TopicSort } from '@brook/contract';
import { ArrowDownIcon, ArrowUpDownIcon, ArrowUpIcon, PlusIcon, SearchIcon, TopicsIcon } from '@/components/icons';
import { PageHeader } from '@/components/page-header';
import { EmptyState, ErrorState } from '@/components/states';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Badge, Card, Spinner } from '@/components/ui/misc';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { useSearchFocus } from '@/components/shell/search-focus';
import { useDraftInput } from '@/components/use-draft';
import { useSetSearch } from '@/components/use-url-state';
import { queries } from '@/lib/api/queries';
import { formatBytes, formatInt } from '@/lib/format';
import { nextSort, parseTopicListState, TOPIC_PAGE_SIZE, topicListQuery, topicListSearch, type TopicListState } from '@/lib/topic-list-state';
import { cn } from '@/lib/utils';
import { TopicRowsSkeleton } from './topics-skeleton';
import { LinkPending } from '@/components/link-pending';

// Loaded on the first "Create topic", not with the list.
const CreateTopicDialog = dynamic(() => import('./create-topic-dialog').then((m) => m.CreateTopicDialog));

const COLUMNS: { key: TopicSort | null; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'Name', numeric: false },
  { key: 'partitions', label: 'Partitions', numeric: true },
  { key: 'replicationFactor', label: 'Replication', numeric: true },
  { key: 'messages', label: 'Messages', numeric: true },
  { key: null, label: 'Size', numeric: true },
];

function SortHeader({ state, column, onSort }: { state: TopicListState; column: (typeof COLUMNS)[number]; onSort: (c: TopicSort) => void }) {
  const active = column.key !== null && state.sort === column.key;
  const Icon = !active ? ArrowUpDownIcon : state.order === 'asc' ? ArrowUpIcon : ArrowDownIcon;
  const ariaSort = active ? (state.order === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <Th aria-sort={ariaSort} className={cn(column.numeric && 'text-right', column.key === 'name' && 'w-full')}>
      {column.key === null ? (
        column.label
      ) : (
        <button
          type="button"
          onClick={() => column.key && onSort(column.key)}
          className={cn('inline-flex items-center gap-1 uppercase hover:text-foreground', active && 'text-foreground')}
        >
          {column.label}
          <Icon size={12} className={cn(!active && 'opacity-40')} />
        </button>
      )}
    </Th>
  );
}

export function TopicsView() {
  const params = useSearchParams();
  const state = parseTopicListState(params);
  const setSearch = useSetSearch();
  const [creating, setCreating] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const list = useQuery(queries.topicList(topicListQuery(state)));

  const update = (next: TopicListState, mode: 'push' | 'replace' = 'push') => setSearch(topicListSearch(next), mode);
  // The gateway searches server-side: one request per pause in typing.
  const search = useDraftInput(state.search, (text) => update({ ...state, search: text, page: 1 }, 'replace'), 200);

  useSearchFocus(searchRef);

  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / TOPIC_PAGE_SIZE)) : 1;
  const first = data && data.total > 0 ? (state.page - 1) * TOPIC_PAGE_SIZE + 1 : 0;
  const last = data ? Math.min(state.page * TOPIC_PAGE_SIZE, data.total) : 0;

  return (
    <>
      <PageHeader
        title="Topics"
        description={data ? `${formatInt(data.total)} ${state.search ? 'matching ' : ''}topic${data.total === 1 ? '' : 's'}` : 'Streams of records, split into partitions'}
        actions={
          <Button variant="primary" onClick={() => setCreating(true)}>
            <PlusIcon size={15} /> Create topic
          </Button>
        }
      />

      <div className="mb-3 flex items-center gap-3">
        <div className="relative w-80">
          <SearchIcon size={14} className="pointer-events-none absolute left-2.5 top-1/2 -translate-y-1/2 text-muted-foreground" />
          <Input
            ref={searchRef}
            data-page-search
            type="search"
            aria-label="Search topics"
            placeholder="Search topics…"
            {...search.inputProps}
            className="pl-8"
          />
          <kbd className="pointer-events-none absolute right-2 top-1/2 -translate-y-1/2 rounded border border-border px-1 font-mono text-[10px] text-muted-foreground">
            /
          </kbd>
        </div>
        <label className="flex cursor-pointer items-center gap-2 text-xs text-muted-foreground">
          <input
            type="checkbox"
            checked={state.internal}
            onChange={(event) => update({ ...state, internal: event.target.checked, page: 1 }, 'replace')}
            className="size-3.5 accent-primary"
          />
          Show internal topics
        </label>
        {list.isFetching && !list.isPending ? <Spinner className="text-muted-foreground" /> : null}
      </div>

      {list.isError && !data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <TopicRowsSkeleton />
      ) : data && data.total === 0 ? (
        <Card>
          {state.search ? (
            <EmptyState
              title={`No topic matches “${state.search}”`}
              description="Try another part of the name, or create it."
              action={<Button onClick={() => search.set('')}>Clear search</Button>}
            />
          ) : (
            <EmptyState
              icon={<TopicsIcon size={18} />}
              title="No topics yet"
              description="A topic is where producers write records and consumers read them. Create the first one."
              action={
                <Button variant="primary" onClick={() => setCreating(true)}>
                  <PlusIcon size={15} /> Create your first topic
                </Button>
              }
            />
          )}
        </Card>
      ) : data ? (
        <Card className="overflow-hidden">
          <Table aria-label="Topics" className={cn(list.isPlaceholderData && 'opacity-60')}>
            <THead>
              <tr>
                {COLUMNS.map((column) => (
                  <SortHeader key={column.label} state={state} column={column} onSort={(c) => update(nextSort(state, c))} />
                ))}
              </tr>
            </THead>
            <TBody>
              {data.topics.map((topic) => (
                <Tr key={topic.name}>
                  <Td className="max-w-0 font-medium">
                    <div className="flex items-center gap-2">
                      <Link prefetch={false} href={`/topics/${encodeURIComponent(topic.name)}`} className="truncate hover:text-primary hover:underline">
                        {topic.name}
                        <LinkPending />
                      </Link>
                      {topic.internal ? <Badge>internal</Badge> : null}
                    </div>
                  </Td>
                  <Td className="tabular text-right">{formatInt(topic.partitions)}</Td>
                  <Td className="tabular text-right">{formatInt(topic.replicationFactor)}</Td>
                  <Td className="tabular text-right">{formatInt(topic.messages)}</Td>
                  <Td className="tabular whitespace-nowrap text-right text-muted-foreground">{formatBytes(topic.sizeBytes)}</Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <nav aria-label="Pagination" className="flex items-center justify-between border-t border-border px-3 py-2 text-xs text-muted-foreground">
            <span className="tabular">
              {formatInt(first)}–{formatInt(last)} of {formatInt(data.total)}
            </span>
            <div className="flex items-center gap-2">
              <span className="tabular">
                Page {formatInt(state.page)} of {formatInt(pages)}
              </span>
              <Button size="sm" disabled={state.page <= 1} onClick={() => update({ ...state, page: state.page - 1 })}>
                Previous
              </Button>
              <Button size="sm" disabled={state.page >= pages} onClick={() => update({ ...state, page: state.page + 1 })}>
                Next
              </Button>
            </div>
          </nav>
        </Card>
      ) : null}

      {creating ? (
        <CreateTopicDialog
          open
          onClose={() => setCreating(false)}
          onCreated={(name) => {
            // Show the new topic wherever it sorts, even among thousands: filter to its name.
            search.set(name);
          }}
        />
      ) : null}
    </>
  );
}
