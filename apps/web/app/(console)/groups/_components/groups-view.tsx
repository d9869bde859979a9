'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useQueries, useQuery } from '@tanstack/react-query';
import { GroupsIcon } from '@/components/icons';
import { PageHeader } from '@/components/page-header';
import { EmptyState, ErrorState } from '@/components/states';
import { Badge, Card, Skeleton } from '@/components/ui/misc';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { useSetSearch } from '@/components/use-url-state';
import { queries } from '@/lib/api/queries';
import { formatDuration, formatInt } from '@/lib/format';
import { groupStateTone } from '@/lib/group-state';
import { LinkPending } from '@/components/link-pending';

/** Max lag and time lag come from each group's detail: fetched for this many groups at most. */
const DETAIL_LIMIT = 50;
const SORTS = ['lag', 'maxLag', 'name'] as const;
type GroupSort = (typeof SORTS)[number];

export function GroupsView() {
  const params = useSearchParams();
  const setSearch = useSetSearch();
  const sortParam = params.get('sort');
  const sort: GroupSort = SORTS.includes(sortParam as GroupSort) ? (sortParam as GroupSort) : 'lag';
  const groups = useQuery(queries.groupList());
  const data = groups.data;
  const ids = (data?.groups ?? []).slice(0, DETAIL_LIMIT).map((g) => g.groupId);
  const details = useQueries({ queries: ids.map((id) => ({ ...queries.group(id), refetchInterval: 15_000 })) });
  const detailOf = new Map(details.flatMap((d, i) => (d.data && ids[i] ? [[ids[i], d.data] as const] : [])));
  const rows = data
    ? [...data.groups].sort(
        (a, b) =>
          (sort === 'lag'
            ? (b.totalLag ?? -1) - (a.totalLag ?? -1)
            : sort === 'maxLag'
              ? (detailOf.get(b.groupId)?.maxLag ?? -1) - (detailOf.get(a.groupId)?.maxLag ?? -1)
              : 0) || a.groupId.localeCompare(b.groupId),
      )
    : [];
  const sortButton = (key: GroupSort, label: string) => (
    <button type="button" className="uppercase hover:text-foreground" onClick={() => setSearch(key === 'lag' ? '' : `?sort=${key}`)}>
      {label}
    </button>
  );

  return (
    <>
      <PageHeader
        title="Consumer groups"
        description={data ? `${formatInt(data.groups.length)} group${data.groups.length === 1 ? '' : 's'}` : 'Consumers that share work and commit offsets'}
      />
      {groups.isError && !data ? (
        <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />
      ) : data && data.groups.length === 0 ? (
        <Card>
          <EmptyState
            icon={<GroupsIcon size={18} />}
            title="No consumer groups yet"
            description="Groups appear here as soon as a consumer joins one with a group id (for example kcat -G my-group topic)."
          />
        </Card>
      ) : (
        <Card className="overflow-hidden">
          <Table aria-label="Consumer groups">
            <THead>
              <tr>
                <Th aria-sort={sort === 'name' ? 'ascending' : undefined} className="w-full">
                  {sortButton('name', 'Group')}
                </Th>
                <Th>State</Th>
                <Th className="text-right">Members</Th>
                <Th>Topics</Th>
                <Th aria-sort={sort === 'lag' ? 'descending' : undefined} className="text-right">
                  {sortButton('lag', 'Total lag')}
                </Th>
                <Th aria-sort={sort === 'maxLag' ? 'descending' : undefined} className="text-right">
                  {sortButton('maxLag', 'Max lag')}
                </Th>
                <Th className="text-right">Time lag</Th>
              </tr>
            </THead>
            <TBody>
              {data
                ? rows.map((g) => (
                    <Tr key={g.groupId}>
                      <Td className="max-w-0 truncate font-medium">
                        <Link prefetch={false} href={`/groups/${encodeURIComponent(g.groupId)}`} className="hover:text-primary hover:underline">
                          {g.groupId}
                          <LinkPending />
                        </Link>
                      </Td>
                      <Td>
                        <Badge tone={groupStateTone(g.state)}>{g.state}</Badge>
                      </Td>
                      <Td className="tabular text-right">{formatInt(g.members)}</Td>
                      <Td className="max-w-64 truncate text-xs text-muted-foreground">{g.topics.join(', ') || '—'}</Td>
                      <Td className="tabular text-right font-medium">{formatInt(g.totalLag)}</Td>
                      <Td className="tabular text-right">{detailOf.has(g.groupId) ? formatInt(detailOf.get(g.groupId)?.maxLag) : '—'}</Td>
                      <Td className="tabular whitespace-nowrap text-right text-muted-foreground">{formatDuration(detailOf.get(g.groupId)?.maxTimeLagMs)}</Td>
                    </Tr>
                  ))
                : Array.from({ length: 6 }, (_, i) => (
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
    </>
  );
}
