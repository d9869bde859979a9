'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TopicConfigEntry } from '@brook/contract';
import { SearchIcon } from '@/components/icons';
import { ErrorState } from '@/components/states';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Badge, Card, Skeleton, Spinner } from '@/components/ui/misc';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { api } from '@/lib/api/client';
import { keys } from '@/lib/api/keys';
import { queries } from '@/lib/api/queries';
import { describeConfigValue, validateConfig } from '@/lib/config-validation';
import { readableError } from '@/lib/errors';

function isOverride(entry: TopicConfigEntry): boolean {
  return entry.source === 'TOPIC' && !entry.isDefault;
}

function ConfigRow({ topic, entry }: { topic: string; entry: TopicConfigEntry }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(entry.value ?? '');
  const save = useMutation({
    mutationFn: (value: string | null) => api.alterTopicConfigs(topic, { configs: { [entry.name]: value } }),
    onSuccess: (data) => {
      queryClient.setQueryData(keys.topicConfigs(topic), data);
      void queryClient.invalidateQueries({ queryKey: keys.topicConfigs(topic) });
      setEditing(false);
    },
  });
  const problem = editing ? validateConfig(entry.name, draft) : null;
  const human = describeConfigValue(entry.name, entry.value);
  const override = isOverride(entry);

  return (
    <Tr className={override ? 'bg-accent/30' : undefined}>
      <Td className="whitespace-nowrap font-mono text-xs font-medium">{entry.name}</Td>
      <Td className="w-full">
        {editing ? (
          <form
            className="flex items-start gap-2"
            onSubmit={(event) => {
              event.preventDefault();
              if (!problem) save.mutate(draft.trim());
            }}
          >
            <div className="flex-1 space-y-1">
              <Input
                autoFocus
                aria-label={`Value of ${entry.name}`}
                aria-invalid={problem !== null}
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') setEditing(false);
                }}
                className="h-7 font-mono text-xs"
              />
              {problem ? <p className="text-xs text-danger">{problem}</p> : null}
              {save.isError ? <p className="text-xs text-danger">{readableError(save.error).message}</p> : null}
            </div>
            <Button size="sm" type="submit" variant="primary" disabled={problem !== null || save.isPending}>
              {save.isPending ? <Spinner /> : null} Save
            </Button>
            <Button size="sm" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </form>
        ) : (
          <span className="font-mono text-xs">
            {entry.sensitive ? '••••••' : entry.value ?? <span className="text-muted-foreground">null</span>}
            {human ? <span className="ml-2 font-sans text-muted-foreground">{human}</span> : null}
          </span>
        )}
      </Td>
      <Td className="whitespace-nowrap">
        {override ? <Badge tone="primary">override</Badge> : <Badge>{entry.isDefault ? 'default' : entry.source.toLowerCase().replace(/_/g, ' ')}</Badge>}
      </Td>
      <Td className="whitespace-nowrap text-right">
        {!editing && !entry.readOnly ? (
          <span className="flex justify-end gap-1">
            {override ? (
              <Button size="sm" variant="ghost" disabled={save.isPending} onClick={() => save.mutate(null)} title="Remove the override; the broker default applies">
                Reset
              </Button>
            ) : null}
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Edit ${entry.name}`}
              onClick={() => {
                setDraft(entry.value ?? '');
                save.reset();
                setEditing(true);
              }}
            >
              Edit
            </Button>
          </span>
        ) : entry.readOnly ? (
          <span className="text-xs text-muted-foreground">read-only</span>
        ) : null}
      </Td>
    </Tr>
  );
}

export function ConfigsTab({ topic }: { topic: string }) {
  const configs = useQuery(queries.topicConfigs(topic));
  const [filter, setFilter] = useState('');
  const [onlyOverrides, setOnlyOverrides] = useState(false);
  if (configs.isError && !configs.data) return <ErrorState error={configs.error} onRetry={() => void configs.refetch()} />;
  if (!configs.data) return <Skeleton className="h-64 w-full" />;
  const entries = configs.data.configs
    .filter((c) => c.name.includes(filter.trim().toLowerCase()) && (!onlyOverrides || isOverride(c)))
    .sort((a, b) => Number(isOverride(b)) - Number(isOverride(a)) || a.name.localeCompare(b.name));
  const overrides = configs.data.configs.filter(isOverride).length;
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-3">
        <div className="relative w-72">
          <SearchIcon size={14} className="pointer-events-none absolute left-2.5 top-1/2 -translate-y-1/2 text-muted-foreground" />
          <Input type="search" aria-label="Filter configs" placeholder="Filter configs…" value={filter} onChange={(e) => setFilter(e.target.value)} className="pl-8" />
        </div>
        <label className="flex cursor-pointer items-center gap-2 text-xs text-muted-foreground">
          <input type="checkbox" checked={onlyOverrides} onChange={(e) => setOnlyOverrides(e.target.checked)} className="size-3.5 accent-primary" />
          Only overrides ({overrides})
        </label>
      </div>
      <Card className="overflow-hidden">
        <Table aria-label="Topic configs">
          <THead>
            <tr>
              <Th>Name</Th>
              <Th>Value</Th>
              <Th>Source</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </tr>
          </THead>
          <TBody>
            {entries.map((entry) => (
              <ConfigRow key={entry.name} topic={topic} entry={entry} />
            ))}
          </TBody>
        </Table>
      </Card>
    </div>
  );
}
