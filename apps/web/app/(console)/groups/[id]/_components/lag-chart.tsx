'use client';

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { LagSample } from '@brook/contract';
import { areaPath, linePath, niceTicks, project } from '@/lib/chart';
import { formatCompact, formatInt, formatTimestamp } from '@/lib/format';
import { usePreferences } from '@/components/preferences-provider';

const H = 180;

/** Draw at the element's real width so text keeps its size at any window width. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(320, Math.round(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}
const PAD = { left: 48, right: 12, top: 10, bottom: 24 };

/** Total and max partition lag over time, from the gateway's sampled history. */
export function LagChart({ samples }: { samples: readonly LagSample[] }) {
  const { timeZone } = usePreferences();
  const gradient = useId();
  const [hover, setHover] = useState<number | null>(null);
  const [figure, W] = useWidth(720);
  const geometry = useMemo(() => {
    const width = W - PAD.left - PAD.right;
    const height = H - PAD.top - PAD.bottom;
    const first = samples[0];
    const last = samples[samples.length - 1];
    if (!first || !last) return null;
    const ticks = niceTicks(Math.max(...samples.map((s) => s.totalLag), 1));
    const frame = { width, height, xMin: first.timestamp, xMax: last.timestamp, yMax: ticks[ticks.length - 1] ?? 1 };
    const total = samples.map((s) => project(frame, s.timestamp, s.totalLag));
    const max = samples.map((s) => project(frame, s.timestamp, s.maxLag));
    return { width, height, ticks, frame, total, max };
  }, [samples, W]);

  if (!geometry || samples.length < 2) {
    return (
      <div ref={figure}>
        <p className="py-10 text-center text-xs text-muted-foreground">Lag history fills in as the gateway samples it (every few seconds).</p>
      </div>
    );
  }
  const { width, height, ticks, frame, total, max } = geometry;
  const hovered = hover !== null ? samples[hover] : undefined;
  const hoverPoint = hover !== null ? total[hover] : undefined;

  return (
    <div ref={figure}>
      <figure className="space-y-2">
        <svg
          viewBox={`0 0 ${W} ${H}`}
          className="h-auto w-full"
          role="img"
          aria-label={`Lag over time: now ${formatInt(samples[samples.length - 1]?.totalLag)} records behind`}
          onMouseLeave={() => setHover(null)}
          onMouseMove={(event) => {
            const rect = event.currentTarget.getBoundingClientRect();
            const x = ((event.clientX - rect.left) / rect.width) * W - PAD.left;
            let best = 0;
            total.forEach((p, i) => {
              if (Math.abs(p.x - x) < Math.abs((total[best]?.x ?? 0) - x)) best = i;
            });
            setHover(best);
          }}
        >
          <defs>
            <linearGradient id={gradient} x1="0" x2="0" y1="0" y2="1">
              <stop offset="0%" stopColor="var(--chart-1)" stopOpacity="0.28" />
              <stop offset="100%" stopColor="var(--chart-1)" stopOpacity="0" />
            </linearGradient>
          </defs>
          <g transform={`translate(${PAD.left},${PAD.top})`}>
            {ticks.map((t) => {
              const y = project(frame, frame.xMin, t).y;
              return (
                <g key={t}>
                  <line x1={0} x2={width} y1={y} y2={y} stroke="var(--border)" strokeDasharray={t === 0 ? undefined : '3 3'} />
                  <text x={-8} y={y} dy="0.32em" textAnchor="end" fontSize="10" fill="var(--muted-foreground)">
                    {formatCompact(t)}
                  </text>
                </g>
              );
            })}
            <path d={areaPath(total, height)} fill={`url(#${gradient})`} />
            <path d={linePath(total)} fill="none" stroke="var(--chart-1)" strokeWidth="1.75" strokeLinejoin="round" />
            <path d={linePath(max)} fill="none" stroke="var(--chart-2)" strokeWidth="1.25" strokeDasharray="4 3" />
            {[0, samples.length - 1].map((i) => {
              const s = samples[i];
              const p = total[i];
              return s && p ? (
                <text key={i} x={p.x} y={height + 16} fontSize="10" textAnchor={i === 0 ? 'start' : 'end'} fill="var(--muted-foreground)">
                  {formatTimestamp(s.timestamp, timeZone).slice(11, 19)}
                </text>
              ) : null;
            })}
            {hoverPoint ? (
              <>
                <line x1={hoverPoint.x} x2={hoverPoint.x} y1={0} y2={height} stroke="var(--muted-foreground)" strokeOpacity="0.4" />
                <circle cx={hoverPoint.x} cy={hoverPoint.y} r={3.5} fill="var(--chart-1)" stroke="var(--surface)" strokeWidth="1.5" />
              </>
            ) : null}
          </g>
        </svg>
        <figcaption className="flex items-center justify-between text-xs text-muted-foreground">
          <span className="flex items-center gap-4">
            <span className="flex items-center gap-1.5">
              <span className="h-0.5 w-4 rounded bg-chart-1" aria-hidden="true" /> Total lag
            </span>
            <span className="flex items-center gap-1.5">
              <span className="h-0.5 w-4 rounded border-t border-dashed border-chart-2" aria-hidden="true" /> Largest partition lag
            </span>
          </span>
          <span className="tabular">
            {hovered
              ? `${formatTimestamp(hovered.timestamp, timeZone)} · total ${formatInt(hovered.totalLag)} · max ${formatInt(hovered.maxLag)}`
              : `${samples.length} samples`}
          </span>
        </figcaption>
      </figure>
    </div>
  );
}
