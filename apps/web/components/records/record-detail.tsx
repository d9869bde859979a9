'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import type { DataEncoding, KafkaRecord } from '@brook/contract';
import { CopyButton } from '@/components/copy-button';
import { ExternalIcon, SendIcon } from '@/components/icons';
import { Timestamp } from '@/components/timestamp';
import { Button } from '@/components/ui/button';
import { Badge } from '@/components/ui/misc';
import { messageHref } from '@/lib/browser-state';
import { bytesToBase64, defaultView, hexDump, LARGE_VALUE_BYTES, VALUE_VIEWS, valueBytes, valueText, type ValueView } from '@/lib/decode';
import { formatBytes } from '@/lib/format';
import { stashReproduce } from '@/lib/produce-form';
import { cn } from '@/lib/utils';
import { JsonTree } from './json-tree';

const VIEW_LABELS: Record<ValueView, string> = { json: 'JSON', text: 'Text', hex: 'Hex', base64: 'Base64' };

function render(value: unknown, encoding: DataEncoding, view: ValueView): { text: string | null; tree: boolean } {
  if (view === 'json') return { text: null, tree: true };
  if (view === 'text') return { text: valueText(value, encoding), tree: false };
  const bytes = valueBytes(value, encoding);
  return { text: view === 'hex' ? hexDump(bytes) : bytesToBase64(bytes), tree: false };
}

/** Key or value in four views; large ones wait for an explicit "load anyway". */
export function ValueViewer({ label, value, encoding, sizeBytes }: { label: string; value: unknown; encoding: DataEncoding; sizeBytes: number }) {
  const [view, setView] = useState<ValueView>(defaultView(encoding));
  const [forced, setForced] = useState(false);
  const large = sizeBytes > LARGE_VALUE_BYTES && !forced;
  const views = VALUE_VIEWS.filter((v) => v !== 'json' || encoding === 'json');
  const shown = useMemo(() => (large || encoding === 'null' ? null : render(value, encoding, view)), [large, value, encoding, view]);

  return (
    <section aria-label={label} className="min-w-0 space-y-2">
      <div className="flex items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <h3 className="text-[11px] font-medium uppercase tracking-wide text-muted-foreground">{label}</h3>
          <Badge>{encoding === 'base64' ? 'binary' : encoding}</Badge>
        </div>
        {encoding !== 'null' ? (
          <div className="flex items-center gap-1">
            <div role="radiogroup" aria-label={`${label} view`} className="flex rounded-md border border-border p-0.5">
              {views.map((v) => (
                <button
                  key={v}
                  type="button"
                  role="radio"
                  aria-checked={view === v}
                  onClick={() => setView(v)}
                  className={cn('rounded px-2 py-0.5 text-[11px] font-medium text-muted-foreground hover:text-foreground', view === v && 'bg-muted text-foreground')}
                >
                  {VIEW_LABELS[v]}
                </button>
              ))}
            </div>
            <CopyButton text={() => (view === 'json' || view === 'text' ? valueText(value, encoding) : (render(value, encoding, view).text ?? ''))} label="Copy" />
          </div>
        ) : null}
      </div>
      {encoding === 'null' ? (
        <p className="rounded-md border border-dashed border-border px-3 py-2 text-xs text-muted-foreground">null {label === 'Value' ? '(a tombstone)' : ''}</p>
      ) : large ? (
        <div className="flex items-center justify-between gap-3 rounded-md border border-warning/40 bg-warning/10 px-3 py-2 text-xs">
          <span>This record is {formatBytes(sizeBytes)}. Large values are not rendered automatically so the page stays responsive.</span>
          <Button size="sm" onClick={() => setForced(true)}>
            Load anyway
          </Button>
        </div>
      ) : (
        <div className="max-h-[28rem] overflow-auto rounded-md border border-border bg-surface-raised p-3">
          {shown?.tree ? <JsonTree value={value} /> : <pre className="whitespace-pre-wrap break-all font-mono text-xs leading-5">{shown?.text}</pre>}
        </div>
      )}
    </section>
  );
}

export function RecordDetail({ record, showOpen = true }: { record: KafkaRecord; showOpen?: boolean }) {
  const router = useRouter();
  const href = messageHref(record.topic, record.partition, record.offset);
  return (
    <div className="space-y-4">
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs">
        {[
          ['Partition', <span key="p" className="tabular">{record.partition}</span>],
          ['Offset', <span key="o" className="tabular">{record.offset}</span>],
          ['Timestamp', <Timestamp key="t" ms={record.timestamp} />],
          ['Size', formatBytes(record.sizeBytes)],
        ].map(([term, detail]) => (
          <div key={String(term)} className="flex gap-1.5">
            <dt className="text-muted-foreground">{term}</dt>
            <dd className="font-medium">{detail}</dd>
          </div>
        ))}
      </dl>
      <div className="grid grid-cols-[minmax(0,1fr)_minmax(0,2fr)] gap-4">
        <div className="space-y-4">
          <ValueViewer label="Key" value={record.key} encoding={record.keyEncoding} sizeBytes={0} />
          <section aria-label="Headers" className="space-y-2">
            <h3 className="text-[11px] font-medium uppercase tracking-wide text-muted-foreground">Headers ({record.headers.length})</h3>
            {record.headers.length === 0 ? (
              <p className="text-xs text-muted-foreground">No headers.</p>
            ) : (
              <dl className="divide-y divide-border rounded-md border border-border font-mono text-xs">
                {record.headers.map((h, i) => (
                  <div key={`${h.key}-${i}`} className="grid grid-cols-[minmax(0,1fr)_minmax(0,2fr)] gap-2 px-2.5 py-1.5">
                    <dt className="truncate text-muted-foreground" title={h.key}>{h.key}</dt>
                    <dd className="break-all">{h.value === null ? <span className="text-muted-foreground">null</span> : h.value}{h.encoding === 'base64' ? <Badge className="ml-1">base64</Badge> : null}</dd>
                  </div>
                ))}
              </dl>
            )}
          </section>
        </div>
        <ValueViewer label="Value" value={record.value} encoding={record.valueEncoding} sizeBytes={record.sizeBytes} />
      </div>
      <div className="flex flex-wrap items-center gap-1 border-t border-border pt-3">
        <CopyButton label="Copy link" text={() => `${window.location.origin}${href}`} />
        <CopyButton label="Copy as JSON" text={() => JSON.stringify(record, null, 2)} />
        <Button
          size="sm"
          variant="ghost"
          onClick={() => {
            stashReproduce(record.topic, record);
            router.push(`/topics/${encodeURIComponent(record.topic)}?tab=produce`);
          }}
        >
          <SendIcon size={13} /> Re-produce
        </Button>
        {showOpen ? (
          <Link href={href} className="ml-auto inline-flex items-center gap-1.5 px-2 text-xs text-primary hover:underline">
            <ExternalIcon size={13} /> Open message
          </Link>
        ) : null}
      </div>
    </div>
  );
}
