'use client';

import { useId } from 'react';
import { areaPath, linePath, project } from '@/lib/chart';

/** A small area chart without axes, for a rate over the last minutes. */
export function Sparkline({ values, width = 240, height = 48, label }: { values: readonly number[]; width?: number; height?: number; label: string }) {
  const gradient = useId();
  if (values.length < 2) {
    return <div style={{ height }} className="flex items-center text-xs text-muted-foreground" aria-label={label}>Collecting samples…</div>;
  }
  const frame = { width, height: height - 2, xMin: 0, xMax: values.length - 1, yMax: Math.max(...values) * 1.15 || 1 };
  const points = values.map((v, i) => ({ ...project(frame, i, v), y: project(frame, i, v).y + 1 }));
  return (
    <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" className="h-12 w-full" role="img" aria-label={label}>
      <defs>
        <linearGradient id={gradient} x1="0" x2="0" y1="0" y2="1">
          <stop offset="0%" stopColor="var(--chart-1)" stopOpacity="0.3" />
          <stop offset="100%" stopColor="var(--chart-1)" stopOpacity="0" />
        </linearGradient>
      </defs>
      <path d={areaPath(points, height)} fill={`url(#${gradient})`} />
      <path d={linePath(points)} fill="none" stroke="var(--chart-1)" strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
