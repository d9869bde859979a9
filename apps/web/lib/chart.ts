/** Geometry for the small hand-rolled SVG charts (lag over time): scales, ticks and paths. */

export interface Point {
  x: number;
  y: number;
}

/** A "nice" upper bound and tick step for a maximum value (1, 2 or 5 × 10^n steps). */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) {
    ticks.push(v);
    if (v >= max) break;
  }
  return ticks;
}

export interface Frame {
  width: number;
  height: number;
  xMin: number;
  xMax: number;
  yMax: number;
}

export function project(frame: Frame, x: number, y: number): Point {
  const spanX = frame.xMax - frame.xMin || 1;
  return {
    x: ((x - frame.xMin) / spanX) * frame.width,
    y: frame.height - (frame.yMax > 0 ? (y / frame.yMax) * frame.height : 0),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** An SVG path through the points (a polyline); empty for no points. */
export function linePath(points: readonly Point[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join('');
}

/** The same line closed down to the baseline, for a filled area under it. */
export function areaPath(points: readonly Point[], baseline: number): string {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return '';
  return `${linePath(points)}L${round(last.x)},${round(baseline)}L${round(first.x)},${round(baseline)}Z`;
}
