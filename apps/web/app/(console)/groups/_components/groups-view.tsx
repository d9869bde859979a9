'use client';

import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { GroupsIcon } from '@/components/icons';
import { PageHeader } from '@/components/page-header';
import { EmptyState, ErrorState } from '@/components/states';
import { Badge, Card, Skeleton } from '@/components/ui/misc';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { useSetSearch } from '@/components/use-url-state';
import { queries } from '@/lib/api/queries';
import { formatInt } from '@/lib/format';
import { groupStateTone } from '@/lib/group-state';
import { LinkPending } from '@/components/link-pending';

export function GroupsView() {
  const params = useSearchParams();
  const setSearch = useSetSearch();
  const byLag = params.get('sort') !== 'name';
  const groups = useQuery(queries.groupList());
  const data = groups.data;
  const rows = data
    ? [...data.groups].sort((a, b) => (byLag ? (b.totalLag ?? -1) - (a.totalLag ?? -1) : 0) || a.groupId.localeCompare(b.groupId))
    : [];

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
                <Th aria-sort={byLag ? undefined : 'ascending'} className="w-full">
                  <button type="button" className="uppercase hover:text-foreground" onClick={() => setSearch('?sort=name')}>
                    Group
                  </button>
                </Th>
                <Th>State</Th>
                <Th className="text-right">Members</Th>
                <Th>Topics</Th>
                <Th aria-sort={byLag ? 'descending' : undefined} className="text-right">
                  <button type="button" className="uppercase hover:text-foreground" onClick={() => setSearch('')}>
                    Total lag
                  </button>
                </Th>
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
                    </Tr>
                  ))
                : Array.from({ length: 6 }, (_, i) => (
                    <Tr key={i}>
                      {Array.from({ length: 5 }, (__, j) => (
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
