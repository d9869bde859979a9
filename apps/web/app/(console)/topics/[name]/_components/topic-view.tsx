'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { PlusIcon, TrashIcon } from '@/components/icons';
import { PageHeader } from '@/components/page-header';
import { ErrorState } from '@/components/states';
import { Button } from '@/components/ui/button';
import { Badge, Skeleton } from '@/components/ui/misc';
import { Tabs } from '@/components/ui/tabs';
import { useSetSearch } from '@/components/use-url-state';
import { queries } from '@/lib/api/queries';
import { formatInt } from '@/lib/format';
import { MessagesTab } from './messages-tab';

// The message browser is the default tab and comes with the page; the other tabs and the dialogs
// load when first shown (a server render of ?tab=… still includes and preloads its tab), so the
// default page does not evaluate their code before it can show its records.
const TabLoading = () => <Skeleton className="h-48 w-full" />;
const LiveTab = dynamic(() => import('./live-tab').then((m) => m.LiveTab), { loading: TabLoading });
const ProduceTab = dynamic(() => import('./produce-tab').then((m) => m.ProduceTab), { loading: TabLoading });
const PartitionsTab = dynamic(() => import('./partitions-tab').then((m) => m.PartitionsTab), { loading: TabLoading });
const ConfigsTab = dynamic(() => import('./configs-tab').then((m) => m.ConfigsTab), { loading: TabLoading });
const ConsumersTab = dynamic(() => import('./consumers-tab').then((m) => m.ConsumersTab), { loading: TabLoading });
const DeleteTopicDialog = dynamic(() => import('./delete-topic-dialog').then((m) => m.DeleteTopicDialog));
const AddPartitionsDialog = dynamic(() => import('./add-partitions-dialog').then((m) => m.AddPartitionsDialog));

const TABS = [
  { value: 'messages', label: 'Messages' },
  { value: 'live', label: 'Live tail' },
  { value: 'produce', label: 'Produce' },
  { value: 'partitions', label: 'Partitions' },
  { value: 'configs', label: 'Configs' },
  { value: 'consumers', label: 'Consumers' },
] as const;
type Tab = (typeof TABS)[number]['value'];

function parseTab(value: string | null): Tab {
  return TABS.some((t) => t.value === value) ? (value as Tab) : 'messages';
}

export function TopicView({ name }: { name: string }) {
  const params = useSearchParams();
  const setSearch = useSetSearch();
  const tab = parseTab(params.get('tab'));
  const topic = useQuery(queries.topic(name));
  const [dialog, setDialog] = useState<'delete' | 'partitions' | null>(null);
  const data = topic.data;

  const tabSearch = (next: Tab) => (next === 'messages' ? '' : `?tab=${next}`);
  const goTab = (next: Tab) => setSearch(tabSearch(next), 'push');

  return (
    <>
      <PageHeader
        breadcrumb={
          <Link href="/topics" className="hover:text-foreground">
            Topics
          </Link>
        }
        title={
          <span className="flex items-center gap-2">
            <span className="font-mono">{name}</span>
            {data?.internal ? <Badge>internal</Badge> : null}
          </span>
        }
        description={
          data ? (
            <span className="tabular">
              {formatInt(data.partitions.length)} partition{data.partitions.length === 1 ? '' : 's'} · replication {data.replicationFactor} ·{' '}
              {formatInt(data.messages)} messages
            </span>
          ) : topic.isPending ? (
            <Skeleton className="h-4 w-64" />
          ) : null
        }
        actions={
          <>
            <Button onClick={() => setDialog('partitions')} disabled={!data}>
              <PlusIcon size={14} /> Add partitions
            </Button>
            <Button variant="ghost" className="text-danger hover:bg-danger/10" onClick={() => setDialog('delete')} disabled={!data}>
              <TrashIcon size={14} /> Delete topic
            </Button>
          </>
        }
      />
      {topic.isError && !data ? (
        <ErrorState error={topic.error} onRetry={() => void topic.refetch()} />
      ) : (
        <>
          <Tabs items={TABS} value={tab} onChange={goTab} hrefFor={(next) => `/topics/${encodeURIComponent(name)}${tabSearch(next)}`} label="Topic sections" idPrefix="topic" />
          <div id="topic-panel" role="tabpanel" aria-labelledby={`topic-tab-${tab}`} className="pt-4">
            {tab === 'messages' ? <MessagesTab topic={name} detail={data} /> : null}
            {tab === 'live' ? <LiveTab topic={name} detail={data} /> : null}
            {tab === 'produce' ? <ProduceTab topic={name} detail={data} /> : null}
            {tab === 'partitions' ? <PartitionsTab detail={data} /> : null}
            {tab === 'configs' ? <ConfigsTab topic={name} /> : null}
            {tab === 'consumers' ? <ConsumersTab topic={name} /> : null}
          </div>
        </>
      )}
      {data && dialog === 'delete' ? <DeleteTopicDialog open onClose={() => setDialog(null)} topic={name} messages={data.messages} /> : null}
      {data && dialog === 'partitions' ? <AddPartitionsDialog key={data.partitions.length} open onClose={() => setDialog(null)} topic={name} current={data.partitions.length} /> : null}
    </>
  );
}
