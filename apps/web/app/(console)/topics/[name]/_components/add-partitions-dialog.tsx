'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ErrorState } from '@/components/states';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input, Label } from '@/components/ui/input';
import { Spinner } from '@/components/ui/misc';
import { api } from '@/lib/api/client';
import { keys } from '@/lib/api/keys';

export function AddPartitionsDialog({ open, onClose, topic, current }: { open: boolean; onClose: () => void; topic: string; current: number }) {
  const queryClient = useQueryClient();
  const inputId = useId();
  const [count, setCount] = useState(String(current + 1));
  const total = /^\d+$/.test(count) ? Number(count) : NaN;
  const valid = Number.isInteger(total) && total > current && total <= 10_000;
  const add = useMutation({
    mutationFn: () => api.addPartitions(topic, { count: total }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.topics() });
      // The mutation still counts as pending here, which close() would refuse.
      onClose();
    },
  });
  function close() {
    if (add.isPending) return;
    add.reset();
    setCount(String(current + 1));
    onClose();
  }
  return (
    <Dialog open={open} onClose={close} title="Add partitions" description={`${topic} has ${current} partition${current === 1 ? '' : 's'}. Partitions can be added, never removed.`}>
      <form
        className="space-y-4 px-5 py-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) add.mutate();
        }}
      >
        <div className="space-y-1.5">
          <Label htmlFor={inputId}>New partition count</Label>
          <Input id={inputId} type="number" min={current + 1} max={10_000} value={count} onChange={(e) => setCount(e.target.value)} aria-invalid={!valid} className="tabular" />
          <p className={valid ? 'text-xs text-muted-foreground' : 'text-xs text-danger'}>
            {valid
              ? 'Records with a key may map to a different partition afterwards, which breaks per-key ordering across the change.'
              : `More than ${current}, at most 10,000.`}
          </p>
        </div>
        {add.isError ? <ErrorState kind="mutation" error={add.error} onRetry={() => add.mutate()} /> : null}
        <div className="-mx-5 -mb-4 flex justify-end gap-2 border-t border-border bg-surface-raised px-5 py-3">
          <Button onClick={close} disabled={add.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={!valid || add.isPending}>
            {add.isPending ? <Spinner /> : null}
            Add partitions
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
