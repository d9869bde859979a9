'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { GroupDetail, ResetOffsetsResponse } from '@brook/contract';
import { usePreferences } from '@/components/preferences-provider';
import { ErrorState } from '@/components/states';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input, Label, Select } from '@/components/ui/input';
import { Spinner } from '@/components/ui/misc';
import { TBody, THead, Table, Td, Th, Tr } from '@/components/ui/table';
import { api } from '@/lib/api/client';
import { keys } from '@/lib/api/keys';
import { formatInt, fromDateTimeInput, toDateTimeInput } from '@/lib/format';
import { buildResetBody, RESET_STRATEGIES, type ResetForm } from '@/lib/reset-offsets';
import { cn } from '@/lib/utils';

function Preview({ preview }: { preview: ResetOffsetsResponse }) {
  return (
    <div className="max-h-56 overflow-auto rounded-md border border-border">
      <Table aria-label="New offsets">
        <THead>
          <tr>
            <Th>Partition</Th>
            <Th className="text-right">Committed now</Th>
            <Th className="text-right">After reset</Th>
            <Th className="text-right">Change</Th>
          </tr>
        </THead>
        <TBody>
          {preview.offsets.map((o) => {
            const delta = o.previousOffset === null ? null : o.offset - o.previousOffset;
            return (
              <Tr key={`${o.topic}-${o.partition}`}>
                <Td className="tabular">{o.partition}</Td>
                <Td className="tabular text-right">{o.previousOffset === null ? '—' : formatInt(o.previousOffset)}</Td>
                <Td className="tabular text-right font-medium">{formatInt(o.offset)}</Td>
                <Td className={cn('tabular text-right', delta !== null && delta < 0 ? 'text-warning' : 'text-muted-foreground')}>
                  {delta === null ? 'new' : `${delta > 0 ? '+' : ''}${formatInt(delta)}`}
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}

/** Choose, preview (a dry run on the gateway), then apply. Refused while members are active. */
export function ResetOffsetsDialog({ open, onClose, group }: { open: boolean; onClose: () => void; group: GroupDetail }) {
  const queryClient = useQueryClient();
  const { timeZone } = usePreferences();
  const ids = { topic: useId(), partitions: useId(), strategy: useId(), param: useId() };
  const topics = [...new Set(group.offsets.map((o) => o.topic))].sort();
  const [form, setForm] = useState<ResetForm>({ topic: topics[0] ?? '', partitions: '', strategy: 'earliest', timestamp: null, offset: '', shift: '' });
  const [formError, setFormError] = useState<string | null>(null);
  const set = (change: Partial<ResetForm>) => {
    setForm((f) => ({ ...f, ...change }));
    preview.reset();
    setFormError(null);
  };

  const preview = useMutation({ mutationFn: (body: Parameters<typeof api.resetGroupOffsets>[1]) => api.resetGroupOffsets(group.groupId, body) });
  const apply = useMutation({
    mutationFn: (body: Parameters<typeof api.resetGroupOffsets>[1]) => api.resetGroupOffsets(group.groupId, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.groups() });
      // Still pending inside onSuccess, so not close(): that refuses while a reset runs.
      preview.reset();
      setFormError(null);
      onClose();
    },
  });
  const active = group.members.length > 0;

  function run(dryRun: boolean) {
    const built = buildResetBody(form, dryRun);
    if (!built.ok) return setFormError(built.error);
    (dryRun ? preview : apply).mutate(built.body);
  }
  function close() {
    if (apply.isPending) return;
    preview.reset();
    apply.reset();
    setFormError(null);
    onClose();
  }

  const help = RESET_STRATEGIES.find((s) => s.value === form.strategy)?.help;
  return (
    <Dialog open={open} onClose={close} title="Reset offsets" description={`Move where ${group.groupId} resumes reading.`} className="w-[min(40rem,calc(100vw-2rem))]">
      <div className="space-y-4 px-5 py-4">
        {active ? (
          <p role="alert" className="rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-xs">
            This group has {group.members.length} active member{group.members.length === 1 ? '' : 's'}. Stop its consumers first: Kafka refuses to move offsets under a running group.
          </p>
        ) : null}
        <div className="grid grid-cols-2 gap-3">
          <div className="space-y-1.5">
            <Label htmlFor={ids.topic}>Topic</Label>
            <Select id={ids.topic} value={form.topic} onChange={(e) => set({ topic: e.target.value })}>
              {topics.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          </div>
          <div className="space-y-1.5">
            <Label htmlFor={ids.partitions}>Partitions</Label>
            <Input id={ids.partitions} placeholder="all — or 0, 2, 5-7" value={form.partitions} onChange={(e) => set({ partitions: e.target.value })} className="font-mono" />
          </div>
          <div className="space-y-1.5">
            <Label htmlFor={ids.strategy}>Reset to</Label>
            <Select id={ids.strategy} value={form.strategy} onChange={(e) => set({ strategy: e.target.value as ResetForm['strategy'] })}>
              {RESET_STRATEGIES.map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
            </Select>
          </div>
          <div className="space-y-1.5">
            {form.strategy === 'timestamp' ? (
              <>
                <Label htmlFor={ids.param}>Time ({timeZone === 'utc' ? 'UTC' : 'local'})</Label>
                <Input id={ids.param} type="datetime-local" step={1} value={form.timestamp === null ? '' : toDateTimeInput(form.timestamp, timeZone)} onChange={(e) => set({ timestamp: fromDateTimeInput(e.target.value, timeZone) })} />
              </>
            ) : form.strategy === 'offset' ? (
              <>
                <Label htmlFor={ids.param}>Offset</Label>
                <Input id={ids.param} inputMode="numeric" value={form.offset} onChange={(e) => set({ offset: e.target.value })} className="font-mono" />
              </>
            ) : form.strategy === 'shift' ? (
              <>
                <Label htmlFor={ids.param}>Shift by</Label>
                <Input id={ids.param} inputMode="numeric" placeholder="-100" value={form.shift} onChange={(e) => set({ shift: e.target.value })} className="font-mono" />
              </>
            ) : null}
          </div>
        </div>
        {help ? <p className="text-xs text-muted-foreground">{help}</p> : null}
        {formError ? <p className="text-xs text-danger" role="alert">{formError}</p> : null}
        {preview.isError ? <ErrorState error={preview.error} /> : null}
        {apply.isError ? <ErrorState kind="mutation" error={apply.error} onRetry={() => run(false)} /> : null}
        {preview.data ? <Preview preview={preview.data} /> : null}
      </div>
      <div className="flex justify-end gap-2 border-t border-border bg-surface-raised px-5 py-3">
        <Button onClick={close}>Cancel</Button>
        <Button onClick={() => run(true)} disabled={preview.isPending || !form.topic}>
          {preview.isPending ? <Spinner /> : null} Preview
        </Button>
        <Button variant="primary" onClick={() => run(false)} disabled={!preview.data || apply.isPending || active} title={preview.data ? undefined : 'Preview the new offsets first'}>
          {apply.isPending ? <Spinner /> : null} Apply reset
        </Button>
      </div>
    </Dialog>
  );
}
