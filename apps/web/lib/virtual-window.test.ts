import { describe, expect, it } from 'vitest';
import { visibleWindow } from './virtual-window.ts';

describe('visibleWindow', () => {
  it('covers the viewport from the top', () => {
    expect(visibleWindow(0, 100, 10, 1000)).toEqual({ start: 0, end: 11 });
  });

  it('follows the scroll position, with overscan on both sides', () => {
    expect(visibleWindow(500, 100, 10, 1000, 5)).toEqual({ start: 45, end: 66 });
  });

  it('stays within the list at its end and for short lists', () => {
    expect(visibleWindow(10_000, 100, 10, 50, 5)).toEqual({ start: 44, end: 50 });
    expect(visibleWindow(0, 100, 10, 3)).toEqual({ start: 0, end: 3 });
    expect(visibleWindow(0, 100, 10, 0)).toEqual({ start: 0, end: 0 });
  });

  it('renders a bounded number of rows however long the list', () => {
    const { start, end } = visibleWindow(123_456, 520, 34, 2000, 6);
    expect(end - start).toBeLessThanOrEqual(Math.ceil(520 / 34) + 1 + 12);
  });
});
