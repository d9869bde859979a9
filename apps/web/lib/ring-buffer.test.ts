import { describe, expect, it } from 'vitest';
import { RateMeter, RingBuffer } from './ring-buffer.ts';

describe('RingBuffer', () => {
  it('keeps items in order below capacity', () => {
    const ring = new RingBuffer<number>(3);
    ring.pushAll([1, 2]);
    expect(ring.toArray()).toEqual([1, 2]);
    expect(ring.size).toBe(2);
    expect(ring.dropped).toBe(0);
  });

  it('drops the oldest past capacity and counts them', () => {
    const ring = new RingBuffer<number>(3);
    ring.pushAll([1, 2, 3, 4, 5]);
    expect(ring.toArray()).toEqual([3, 4, 5]);
    expect(ring.size).toBe(3);
    expect(ring.dropped).toBe(2);
  });

  it('stays bounded over a long run', () => {
    const ring = new RingBuffer<number>(1000);
    for (let i = 0; i < 100_000; i++) ring.push(i);
    expect(ring.size).toBe(1000);
    expect(ring.toArray()[0]).toBe(99_000);
    expect(ring.dropped).toBe(99_000);
  });

  it('drains everything and starts over', () => {
    const ring = new RingBuffer<string>(2);
    ring.pushAll(['a', 'b', 'c']);
    expect(ring.drain()).toEqual(['b', 'c']);
    expect(ring.size).toBe(0);
    expect(ring.dropped).toBe(0);
    ring.push('d');
    expect(ring.toArray()).toEqual(['d']);
  });

  it('refuses a capacity below one', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});

describe('RateMeter', () => {
  it('measures a steady rate over its window', () => {
    const meter = new RateMeter(0, 1000, 100);
    for (let t = 0; t < 2000; t += 10) meter.add(10, t); // 1000 per second
    expect(meter.rate(2000)).toBeCloseTo(1000, -1);
  });

  it('falls to zero after silence', () => {
    const meter = new RateMeter(0, 1000, 100);
    meter.add(500, 50);
    expect(meter.rate(150)).toBeGreaterThan(0);
    expect(meter.rate(60_000)).toBe(0);
  });
});
