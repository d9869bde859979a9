'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { CreateTopicBody } from '@brook/contract';
import { ErrorState } from '@/components/states';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input, Label, Select } from '@/components/ui/input';
import { Spinner } from '@/components/ui/misc';
import { api } from '@/lib/api/client';
import { keys } from '@/lib/api/keys';
import { checkTopicName } from '@/lib/topic-name';
import { cn } from '@/lib/utils';

const RETENTION = [
  { label: 'Cluster default', value: '' },
  { label: '1 hour', value: String(3_600_000) },
  { label: '1 day', value: String(86_400_000) },
  { label: '7 days', value: String(7 * 86_400_000) },
  { label: '30 days', value: String(30 * 86_400_000) },
  { label: 'Forever', value: '-1' },
] as const;

const CLEANUP = [
  { label: 'Cluster default', value: '' },
  { label: 'Delete old segments', value: 'delete' },
  { label: 'Compact by key', value: 'compact' },
  { label: 'Compact and delete', value: 'compact,delete' },
] as const;

function intIn(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

export function CreateTopicDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated?: (name: string) => void }) {
  const queryClient = useQueryClient();
  const ids = { name: useId(), nameHelp: useId(), partitions: useId(), replication: useId(), retention: useId(), cleanup: useId() };
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [partitions, setPartitions] = useState('1');
  // Empty: the cluster's default.replication.factor (1 on the bundled broker, 3 on the compose.kafka.yaml cluster).
  const [replication, setReplication] = useState('');
  const [retention, setRetention] = useState('');
  const [cleanup, setCleanup] = useState('');

  const create = useMutation({
    mutationFn: (body: CreateTopicBody) => api.createTopic(body),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: keys.topics() });
      void queryClient.invalidateQueries({ queryKey: keys.info() });
      onCreated?.(created.name);
      reset();
      onClose();
    },
  });

  function reset() {
    setName('');
    setTouched(false);
    setPartitions('1');
    setReplication('');
    setRetention('');
    setCleanup('');
    create.reset();
  }

  const nameCheck = checkTopicName(name);
  const showNameError = touched && nameCheck.error !== null;
  const partitionCount = intIn(partitions, 1, 10_000);
  const replicationFactor = replication.trim() === '' ? undefined : intIn(replication, 1, 32);
  const valid = nameCheck.error === null && partitionCount !== null && replicationFactor !== null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!valid || create.isPending) return;
    const configs: Record<string, string> = {};
    if (retention) configs['retention.ms'] = retention;
    if (cleanup) configs['cleanup.policy'] = cleanup;
    create.mutate({
      name,
      partitions: partitionCount,
      ...(replicationFactor === undefined ? {} : { replicationFactor }),
      ...(Object.keys(configs).length > 0 ? { configs } : {}),
    });
  }

  return (
    <Dialog
      open={open}
      onClose={() => {
        if (!create.isPending) onClose();
      }}
      title="Create topic"
      description="Name it, choose how many partitions, and how long to keep records."
    >
      <form onSubmit={submit} noValidate className="space-y-4 px-5 py-4">
        <div className="space-y-1.5">
          <Label htmlFor={ids.name}>Topic name</Label>
          <Input
            id={ids.name}
            name="name"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            placeholder="orders.v1"
            value={name}
            maxLength={400}
            aria-invalid={showNameError}
            aria-describedby={ids.nameHelp}
            onChange={(event) => {
              setName(event.target.value);
              setTouched(true);
              // A refusal was about the old name.
              if (create.isError) create.reset();
            }}
            className="font-mono"
          />
          <p
            id={ids.nameHelp}
            aria-live="polite"
            className={cn('min-h-4 text-xs', showNameError ? 'text-danger' : nameCheck.warning ? 'text-warning' : 'text-muted-foreground')}
          >
            {showNameError ? nameCheck.error : nameCheck.warning ?? 'Letters, digits, “.”, “_” and “-”; up to 249 characters.'}
          </p>
        </div>

        <div className="grid grid-cols-2 gap-3">
          <div className="space-y-1.5">
            <Label htmlFor={ids.partitions}>Partitions</Label>
            <Input
              id={ids.partitions}
              name="partitions"
              type="number"
              inputMode="numeric"
              min={1}
              max={10_000}
              value={partitions}
              aria-invalid={partitionCount === null}
              onChange={(event) => setPartitions(event.target.value)}
              className="tabular"
            />
            {partitionCount === null ? <p className="text-xs text-danger">A whole number from 1 to 10,000.</p> : null}
          </div>
          <div className="space-y-1.5">
            <Label htmlFor={ids.replication}>Replication factor</Label>
            <Input
              id={ids.replication}
              name="replicationFactor"
              type="number"
              inputMode="numeric"
              min={1}
              max={32}
              value={replication}
              placeholder="cluster default"
              aria-invalid={replicationFactor === null}
              onChange={(event) => setReplication(event.target.value)}
              className="tabular"
            />
            {replicationFactor === null ? <p className="text-xs text-danger">A whole number from 1 to 32.</p> : null}
          </div>
          <div className="space-y-1.5">
            <Label htmlFor={ids.retention}>Retention</Label>
            <Select id={ids.retention} value={retention} onChange={(event) => setRetention(event.target.value)}>
              {RETENTION.map((option) => (
                <option key={option.label} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor={ids.cleanup}>Cleanup policy</Label>
            <Select id={ids.cleanup} value={cleanup} onChange={(event) => setCleanup(event.target.value)}>
              {CLEANUP.map((option) => (
                <option key={option.label} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </div>
        </div>

        {create.isError ? <ErrorState kind="mutation" error={create.error} onRetry={() => create.mutate(create.variables)} /> : null}

        <div className="-mx-5 -mb-4 flex justify-end gap-2 border-t border-border bg-surface-raised px-5 py-3">
          <Button
            onClick={() => {
              reset();
              onClose();
            }}
            disabled={create.isPending}
          >
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={create.isPending || (touched && !valid)}>
            {create.isPending ? <Spinner /> : null}
            Create
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
