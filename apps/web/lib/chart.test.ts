import { describe, expect, it } from 'vitest';
import { areaPath, linePath, niceTicks, project } from './chart.ts';

describe('chart geometry', () => {
  it('picks round ticks that cover the maximum', () => {
    expect(niceTicks(87)).toEqual([0, 50, 100]);
    expect(niceTicks(1000)).toEqual([0, 500, 1000]);
    expect(niceTicks(7, 4)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it('projects values into the frame with y growing downwards', () => {
    const frame = { width: 100, height: 50, xMin: 1000, xMax: 2000, yMax: 10 };
    expect(project(frame, 1000, 0)).toEqual({ x: 0, y: 50 });
    expect(project(frame, 2000, 10)).toEqual({ x: 100, y: 0 });
    expect(project(frame, 1500, 5)).toEqual({ x: 50, y: 25 });
  });

  it('keeps a flat zero series on the baseline', () => {
    expect(project({ width: 10, height: 10, xMin: 0, xMax: 0, yMax: 0 }, 0, 0)).toEqual({ x: 0, y: 10 });
  });

  it('draws lines and closed areas', () => {
    const points = [{ x: 0, y: 10 }, { x: 5.55, y: 2 }];
    expect(linePath(points)).toBe('M0,10L5.6,2');
    expect(areaPath(points, 10)).toBe('M0,10L5.6,2L5.6,10L0,10Z');
    expect(areaPath([], 10)).toBe('');
  });
});
