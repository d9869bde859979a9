'use client';

import Link from 'next/link';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ProduceResponse, TopicDetail } from '@brook/contract';
import { PlusIcon, SendIcon, XIcon } from '@/components/icons';
import { ErrorState } from '@/components/states';
import { Button } from '@/components/ui/button';
import { Input, Label, Select, Textarea } from '@/components/ui/input';
import { Badge, Card, Spinner } from '@/components/ui/misc';
import { api } from '@/lib/api/client';
import { keys } from '@/lib/api/keys';
import { messageHref } from '@/lib/browser-state';
import { formatInt } from '@/lib/format';
import { buildProduceBody, EMPTY_PRODUCE_FORM, jsonError, takeReproduce, type ProduceForm } from '@/lib/produce-form';
import { cn } from '@/lib/utils';

function Results({ topic, response }: { topic: string; response: ProduceResponse }) {
  const shown = response.results.slice(0, 50);
  return (
    <Card className="p-4" role="status" aria-live="polite">
      <p className="mb-2 text-[13px] font-medium">
        {response.failed === 0 ? (
          <span className="text-success">Produced {formatInt(response.succeeded)} record{response.succeeded === 1 ? '' : 's'}</span>
        ) : (
          <span className="text-danger">
            {formatInt(response.succeeded)} produced, {formatInt(response.failed)} failed
          </span>
        )}
      </p>
      <ul className="space-y-1 font-mono text-xs">
        {shown.map((result, i) => (
          <li key={i} className="flex items-center gap-2">
            <span className="w-8 text-right text-muted-foreground">#{i + 1}</span>
            {result.error ? (
              <span className="text-danger">
                {result.error.code}: {result.error.message}
              </span>
            ) : result.partition !== undefined && result.offset !== undefined ? (
              <Link className="text-primary hover:underline" href={messageHref(topic, result.partition, result.offset)}>
                partition {result.partition} · offset {result.offset}
              </Link>
            ) : (
              <span>partition {result.partition ?? '?'}</span>
            )}
          </li>
        ))}
        {response.results.length > shown.length ? <li className="text-muted-foreground">… and {formatInt(response.results.length - shown.length)} more</li> : null}
      </ul>
    </Card>
  );
}

export function ProduceTab({ topic, detail }: { topic: string; detail: TopicDetail | undefined }) {
  const queryClient = useQueryClient();
  const ids = { key: useId(), value: useId(), format: useId(), partition: useId() };
  const [form, setForm] = useState<ProduceForm>(EMPTY_PRODUCE_FORM);
  const [reproduced, setReproduced] = useState(false);
  useEffect(() => {
    const handed = takeReproduce(topic);
    if (handed) {
      setForm(handed);
      setReproduced(true);
    }
  }, [topic]);

  const produce = useMutation({
    mutationFn: (body: Parameters<typeof api.produce>[1]) => api.produce(topic, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.topic(topic) });
    },
  });

  const set = (change: Partial<ProduceForm>) => setForm((f) => ({ ...f, ...change }));
  const liveJsonProblem =
    form.format === 'json' && form.value.trim() !== '' && !form.perLine ? jsonError(form.value) : null;
  const [submitError, setSubmitError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    const built = buildProduceBody(form);
    if (!built.ok) {
      setSubmitError(built.error);
      return;
    }
    setSubmitError(null);
    produce.mutate(built.body);
  }

  const partitions = detail?.partitions.length ?? 0;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)_320px] gap-5">
      <Card className="p-5">
        <form onSubmit={submit} className="space-y-4" noValidate>
          {reproduced ? (
            <p className="rounded-md bg-accent px-3 py-2 text-xs text-accent-foreground">Filled from a record in the browser. Edit and produce it again.</p>
          ) : null}
          <div className="grid grid-cols-[minmax(0,1fr)_160px] gap-3">
            <div className="space-y-1.5">
              <Label htmlFor={ids.key}>Key</Label>
              <Input id={ids.key} placeholder="optional — records with the same key keep their order" value={form.key} onChange={(e) => set({ key: e.target.value })} className="font-mono" />
            </div>
            <div className="space-y-1.5">
              <Label htmlFor={ids.partition}>Partition</Label>
              <Select id={ids.partition} value={form.partition ?? ''} onChange={(e) => set({ partition: e.target.value === '' ? null : Number(e.target.value) })}>
                <option value="">Automatic</option>
                {Array.from({ length: partitions }, (_, p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </Select>
            </div>
          </div>

          <div className="space-y-1.5">
            <div className="flex items-center justify-between">
              <Label htmlFor={ids.value}>Value</Label>
              <div className="flex items-center gap-3 text-xs">
                <label className="flex cursor-pointer items-center gap-1.5 text-muted-foreground">
                  <input type="checkbox" checked={form.perLine} onChange={(e) => set({ perLine: e.target.checked })} className="size-3.5 accent-primary" />
                  One record per line
                </label>
                <Select id={ids.format} aria-label="Value format" value={form.format} onChange={(e) => set({ format: e.target.value === 'text' ? 'text' : 'json' })} className="h-7 w-24 text-xs">
                  <option value="json">JSON</option>
                  <option value="text">Text</option>
                </Select>
              </div>
            </div>
            <Textarea
              id={ids.value}
              rows={10}
              spellCheck={false}
              placeholder={form.perLine ? '{"id": 1}\n{"id": 2}' : '{\n  "id": 1,\n  "status": "created"\n}'}
              value={form.value}
              aria-invalid={liveJsonProblem !== null}
              onChange={(e) => set({ value: e.target.value })}
            />
            <p className={cn('min-h-4 text-xs', liveJsonProblem ? 'text-danger' : 'text-muted-foreground')} aria-live="polite">
              {liveJsonProblem
                ? `Not valid JSON: ${liveJsonProblem}`
                : form.format === 'json'
                  ? form.value.trim() === ''
                    ? 'Checked as you type.'
                    : form.perLine
                      ? 'Each line is checked when you produce.'
                      : 'Valid JSON.'
                  : 'Sent as UTF-8 text.'}
            </p>
          </div>

          <fieldset className="space-y-2">
            <legend className="text-xs font-medium">Headers</legend>
            {form.headers.map((header, i) => (
              <div key={i} className="flex gap-2">
                <Input aria-label={`Header ${i + 1} name`} placeholder="name" value={header.key} onChange={(e) => set({ headers: form.headers.map((h, j) => (j === i ? { ...h, key: e.target.value } : h)) })} className="font-mono" />
                <Input aria-label={`Header ${i + 1} value`} placeholder="value" value={header.value} onChange={(e) => set({ headers: form.headers.map((h, j) => (j === i ? { ...h, value: e.target.value } : h)) })} className="font-mono" />
                <Button size="icon" variant="ghost" aria-label={`Remove header ${i + 1}`} onClick={() => set({ headers: form.headers.filter((_, j) => j !== i) })}>
                  <XIcon size={14} />
                </Button>
              </div>
            ))}
            <Button size="sm" variant="ghost" onClick={() => set({ headers: [...form.headers, { key: '', value: '' }] })}>
              <PlusIcon size={13} /> Add header
            </Button>
          </fieldset>

          {submitError ? <p className="text-xs text-danger" role="alert">{submitError}</p> : null}
          {produce.isError ? <ErrorState kind="mutation" error={produce.error} onRetry={() => produce.variables && produce.mutate(produce.variables)} /> : null}

          <div className="flex items-center justify-end gap-2 border-t border-border pt-4">
            <Button onClick={() => { setForm(EMPTY_PRODUCE_FORM); setReproduced(false); produce.reset(); setSubmitError(null); }}>Clear</Button>
            <Button type="submit" variant="primary" disabled={produce.isPending}>
              {produce.isPending ? <Spinner /> : <SendIcon size={14} />}
              Produce
            </Button>
          </div>
        </form>
      </Card>
      <div className="space-y-3">
        {produce.data ? <Results topic={topic} response={produce.data} /> : null}
        <Card className="space-y-2 p-4 text-xs text-muted-foreground">
          <p className="font-medium text-foreground">Tips</p>
          <p>Without a partition, records with a key always land on the same partition; keyless ones are spread.</p>
          <p>
            Tick <Badge>One record per line</Badge> to send many records at once (up to 1,000), as NDJSON or plain lines.
          </p>
        </Card>
      </div>
    </div>
  );
}
