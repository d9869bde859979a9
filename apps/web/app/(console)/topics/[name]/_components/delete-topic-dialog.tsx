'use client';

import { useRouter } from 'next/navigation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ErrorState } from '@/components/states';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Input, Label } from '@/components/ui/input';
import { Spinner } from '@/components/ui/misc';
import { api } from '@/lib/api/client';
import { keys } from '@/lib/api/keys';
import { formatInt } from '@/lib/format';

/** Deleting is forever: the user types the topic's name to confirm. */
export function DeleteTopicDialog({ open, onClose, topic, messages }: { open: boolean; onClose: () => void; topic: string; messages: number }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const inputId = useId();
  const [typed, setTyped] = useState('');
  const remove = useMutation({
    mutationFn: () => api.deleteTopic(topic),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: keys.topic(topic) });
      await queryClient.invalidateQueries({ queryKey: keys.topics() });
      void queryClient.invalidateQueries({ queryKey: keys.info() });
      router.push('/topics');
    },
  });
  const close = () => {
    if (remove.isPending) return;
    setTyped('');
    remove.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title="Delete topic" description="This cannot be undone.">
      <form
        className="space-y-4 px-5 py-4"
        onSubmit={(event) => {
          event.preventDefault();
          if (typed === topic) remove.mutate();
        }}
      >
        <p className="text-[13px]">
          The topic <span className="font-mono font-semibold">{topic}</span> and its {formatInt(messages)} messages will be deleted. Consumers reading
          it will fail.
        </p>
        <div className="space-y-1.5">
          <Label htmlFor={inputId}>
            Type <span className="font-mono">{topic}</span> to confirm
          </Label>
          <Input id={inputId} autoFocus autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} className="font-mono" />
        </div>
        {remove.isError ? <ErrorState kind="mutation" error={remove.error} onRetry={() => remove.mutate()} /> : null}
        <div className="-mx-5 -mb-4 flex justify-end gap-2 border-t border-border bg-surface-raised px-5 py-3">
          <Button onClick={close} disabled={remove.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={typed !== topic || remove.isPending}>
            {remove.isPending ? <Spinner /> : null}
            Delete topic
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
