'use client';

import { useEffect, useState } from 'react';
import { usePreferences } from '@/components/preferences-provider';
import { useDraftInput } from '@/components/use-draft';
import { Input, Select } from '@/components/ui/input';
import { BROWSE_MODES, PAGE_SIZES, withStart, type BrowseMode, type BrowserState } from '@/lib/browser-state';
import { fromDateTimeInput, toDateTimeInput } from '@/lib/format';

const MODE_LABELS: Record<BrowseMode, string> = { newest: 'Newest', oldest: 'Oldest', offset: 'From offset', timestamp: 'From time' };

/** A text filter applied after a pause in typing, on Enter or on leaving the field; not on every key. */
function FilterInput({ label, placeholder, value, onCommit }: { label: string; placeholder: string; value: string; onCommit: (v: string) => void }) {
  const filter = useDraftInput(value, onCommit, 500);
  return <Input aria-label={label} placeholder={placeholder} {...filter.inputProps} className="h-7 w-44 font-mono text-xs" />;
}

export function MessagesToolbar({
  state,
  partitions,
  onChange,
}: {
  state: BrowserState;
  partitions: number;
  onChange: (next: BrowserState) => void;
}) {
  const { timeZone } = usePreferences();
  const [offsetDraft, setOffsetDraft] = useState(state.offset === null ? '' : String(state.offset));
  useEffect(() => setOffsetDraft(state.offset === null ? '' : String(state.offset)), [state.offset]);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Select aria-label="Start from" value={state.mode} onChange={(e) => onChange(withStart(state, { mode: e.target.value as BrowseMode }))} className="h-7 w-auto text-xs">
        {BROWSE_MODES.map((mode) => (
          <option key={mode} value={mode}>
            {MODE_LABELS[mode]}
          </option>
        ))}
      </Select>
      {state.mode === 'offset' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (/^\d+$/.test(offsetDraft)) onChange(withStart(state, { offset: Number(offsetDraft) }));
          }}
        >
          <Input
            aria-label="Offset"
            inputMode="numeric"
            placeholder="offset, then Enter"
            value={offsetDraft}
            onChange={(e) => setOffsetDraft(e.target.value.replace(/\D/g, ''))}
            onBlur={() => /^\d+$/.test(offsetDraft) && Number(offsetDraft) !== state.offset && onChange(withStart(state, { offset: Number(offsetDraft) }))}
            className="h-7 w-36 font-mono text-xs"
          />
        </form>
      ) : null}
      {state.mode === 'timestamp' ? (
        <Input
          aria-label={`Time (${timeZone === 'utc' ? 'UTC' : 'local'})`}
          type="datetime-local"
          step={1}
          value={state.timestamp === null ? '' : toDateTimeInput(state.timestamp, timeZone)}
          onChange={(e) => {
            const ms = fromDateTimeInput(e.target.value, timeZone);
            if (ms !== null) onChange(withStart(state, { timestamp: ms }));
          }}
          className="h-7 w-52 text-xs"
        />
      ) : null}
      <Select
        aria-label="Partition"
        value={state.partition ?? ''}
        onChange={(e) => onChange(withStart(state, { partition: e.target.value === '' ? null : Number(e.target.value) }))}
        className="h-7 w-auto text-xs"
      >
        <option value="">All partitions</option>
        {Array.from({ length: partitions }, (_, p) => (
          <option key={p} value={p}>
            Partition {p}
          </option>
        ))}
      </Select>
      <Select aria-label="Records per page" value={state.limit} onChange={(e) => onChange(withStart(state, { limit: Number(e.target.value) }))} className="h-7 w-auto text-xs">
        {PAGE_SIZES.map((size) => (
          <option key={size} value={size}>
            {size} per page
          </option>
        ))}
      </Select>
      <span className="mx-1 h-5 w-px bg-border" aria-hidden="true" />
      <FilterInput label="Filter by key" placeholder="key equals…" value={state.key} onCommit={(key) => onChange(withStart(state, { key }))} />
      <FilterInput label="Filter by value" placeholder="value contains…" value={state.value} onCommit={(value) => onChange(withStart(state, { value }))} />
      <FilterInput label="Filter by header" placeholder="header or name=value" value={state.header} onCommit={(header) => onChange(withStart(state, { header }))} />
    </div>
  );
}
