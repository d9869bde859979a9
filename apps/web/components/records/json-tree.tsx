'use client';

import { memo, useState } from 'react';
import { cn } from '@/lib/utils';

/** Nodes past this many children render "show N more" instead of everything at once. */
const CHILD_PAGE = 200;

function Primitive({ value }: { value: unknown }) {
  if (value === null) return <span className="text-muted-foreground">null</span>;
  if (typeof value === 'string') return <span className="break-all text-success">&quot;{value}&quot;</span>;
  if (typeof value === 'number') return <span className="text-primary">{String(value)}</span>;
  if (typeof value === 'boolean') return <span className="text-warning">{String(value)}</span>;
  return <span>{String(value)}</span>;
}

const Node = memo(function Node({ name, value, depth }: { name: string | null; value: unknown; depth: number }) {
  const isArray = Array.isArray(value);
  const isObject = value !== null && typeof value === 'object';
  const [open, setOpen] = useState(depth < 2);
  const [limit, setLimit] = useState(CHILD_PAGE);
  const label = name !== null ? <span className="text-foreground">{name}: </span> : null;
  if (!isObject) {
    return (
      <div className="pl-4">
        {label}
        <Primitive value={value} />
      </div>
    );
  }
  const entries: [string, unknown][] = isArray ? (value as unknown[]).map((v, i) => [String(i), v]) : Object.entries(value as Record<string, unknown>);
  const summary = isArray ? `[${entries.length}]` : `{${entries.length}}`;
  return (
    <div className={cn(depth > 0 && 'pl-4')}>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="-ml-4 inline-flex items-baseline gap-1 rounded text-left hover:bg-muted"
      >
        <span className={cn('inline-block w-3 text-center text-[10px] text-muted-foreground transition-transform', open && 'rotate-90')}>▶</span>
        {label}
        <span className="text-muted-foreground">{open ? (isArray ? '[' : '{') : summary}</span>
      </button>
      {open ? (
        <>
          {entries.slice(0, limit).map(([k, v]) => (
            <Node key={k} name={isArray ? null : JSON.stringify(k)} value={v} depth={depth + 1} />
          ))}
          {entries.length > limit ? (
            <button type="button" className="pl-4 text-primary hover:underline" onClick={() => setLimit(limit + CHILD_PAGE)}>
              show {Math.min(CHILD_PAGE, entries.length - limit)} more of {entries.length - limit}
            </button>
          ) : null}
          <div className="text-muted-foreground">{isArray ? ']' : '}'}</div>
        </>
      ) : null}
    </div>
  );
});

export function JsonTree({ value }: { value: unknown }) {
  return (
    <div className="pl-4 font-mono text-xs leading-5">
      <Node name={null} value={value} depth={0} />
    </div>
  );
}
