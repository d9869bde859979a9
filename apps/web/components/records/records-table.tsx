'use client';

import dynamic from 'next/dynamic';
import { Fragment, memo, useCallback, useState, type ReactNode } from 'react';
import type { KafkaRecord } from '@brook/contract';
import { CompactTime } from '@/components/timestamp';
import { TBody, THead, Table, Th } from '@/components/ui/table';
import { LARGE_VALUE_BYTES, recordKey, valuePreview } from '@/lib/decode';
import { formatBytes } from '@/lib/format';

// A record's detail (JSON tree, hex, copy, re-produce) loads on the first expand, not with the page.
const RecordDetail = dynamic(() => import('./record-detail').then((m) => m.RecordDetail), {
  loading: () => <p className="text-xs text-muted-foreground">Loading…</p>,
});

function Preview({ value, encoding, size }: { value: unknown; encoding: KafkaRecord['valueEncoding']; size: number }) {
  if (encoding === 'null') return <span className="record-null">null</span>;
  // Previewing a huge value means stringifying it: exactly what the guard is there to avoid.
  if (size > LARGE_VALUE_BYTES) return <span className="text-warning">large value · {formatBytes(size)}</span>;
  return <>{valuePreview(value, encoding)}</>;
}

const Row = memo(function Row({ record, open, onToggle }: { record: KafkaRecord; open: boolean; onToggle: (key: string) => void }) {
  const key = recordKey(record);
  return (
    <Fragment>
      {/* Cells are styled by column in globals.css (.record-row): one rule instead of a class list per cell. */}
      <tr className="record-row" onClick={() => onToggle(key)} aria-expanded={open}>
        <td>
          <button
            type="button"
            aria-label={`${open ? 'Collapse' : 'Expand'} record at partition ${record.partition} offset ${record.offset}`}
            aria-expanded={open}
            onClick={(e) => {
              e.stopPropagation();
              onToggle(key);
            }}
            className="record-toggle"
          />
        </td>
        <td>{record.partition}</td>
        <td>{record.offset}</td>
        <td>
          <CompactTime ms={record.timestamp} />
        </td>
        <td title={record.keyEncoding === 'null' ? undefined : valuePreview(record.key, record.keyEncoding, 200)}>
          <Preview value={record.key} encoding={record.keyEncoding} size={0} />
        </td>
        <td>
          <Preview value={record.value} encoding={record.valueEncoding} size={record.sizeBytes} />
        </td>
        <td>{formatBytes(record.sizeBytes)}</td>
      </tr>
      {open ? (
        <tr className="border-b border-border bg-surface-raised/60">
          <td colSpan={7} className="px-4 py-4">
            <RecordDetail record={record} />
          </td>
        </tr>
      ) : null}
    </Fragment>
  );
});

/** Records as rows that expand in place; shared by the message browser and the live tail. */
export function RecordsTable({ records, label, emptyRow }: { records: readonly KafkaRecord[]; label: string; emptyRow?: ReactNode }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback(
    (key: string) =>
      setOpen((current) => {
        const next = new Set(current);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );
  return (
    <Table aria-label={label} className="table-fixed">
      <THead>
        <tr>
          <Th className="w-8">
            <span className="sr-only">Expand</span>
          </Th>
          <Th className="w-16 text-right">Part.</Th>
          <Th className="w-24 text-right">Offset</Th>
          <Th className="w-52">Timestamp</Th>
          <Th className="w-40">Key</Th>
          <Th>Value</Th>
          <Th className="w-20 text-right">Size</Th>
        </tr>
      </THead>
      <TBody>
        {records.map((record) => (
          <Row key={recordKey(record)} record={record} open={open.has(recordKey(record))} onToggle={toggle} />
        ))}
        {records.length === 0 && emptyRow ? (
          <tr>
            <td colSpan={7}>{emptyRow}</td>
          </tr>
        ) : null}
      </TBody>
    </Table>
  );
}
