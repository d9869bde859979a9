import { describe, expect, it } from 'vitest';
import { FrameError, FrameSplitter } from './frame-splitter.ts';

function frame(body: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

function drain(s: FrameSplitter): Buffer[] {
  const out: Buffer[] = [];
  for (let f = s.next(); f; f = s.next()) out.push(f);
  return out;
}

const bodies = [Buffer.from('hello'), Buffer.alloc(0), Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9]), Buffer.alloc(300, 7)];
const stream = Buffer.concat(bodies.map(frame));

describe('FrameSplitter', () => {
  it('yields the same frames when fed one byte at a time', () => {
    const s = new FrameSplitter(1024);
    const out: Buffer[] = [];
    for (let i = 0; i < stream.length; i++) {
      s.push(stream.subarray(i, i + 1));
      out.push(...drain(s));
    }
    expect(out).toEqual(bodies);
    expect(s.bufferedBytes).toBe(0);
  });

  it('yields the same frames for every split point into two chunks', () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      const s = new FrameSplitter(1024);
      s.push(stream.subarray(0, cut));
      const out = drain(s);
      s.push(stream.subarray(cut));
      out.push(...drain(s));
      expect(out).toEqual(bodies);
    }
  });

  it('returns a view of the chunk when a frame lies inside it', () => {
    const s = new FrameSplitter(1024);
    s.push(stream);
    const first = s.next();
    expect(first?.buffer).toBe(stream.buffer);
  });

  it('waits for the rest of a frame and keeps partial bytes', () => {
    const s = new FrameSplitter(1024);
    s.push(stream.subarray(0, 6));
    expect(s.next()).toBeUndefined();
    expect(s.bufferedBytes).toBe(6);
  });

  it('rejects an oversized frame from its size prefix alone', () => {
    const s = new FrameSplitter(100);
    const head = Buffer.alloc(4);
    head.writeInt32BE(101);
    s.push(head);
    expect(() => s.next()).toThrow(FrameError);
  });

  it('rejects a negative size', () => {
    const s = new FrameSplitter(100);
    s.push(Buffer.from([0xff, 0xff, 0xff, 0xfe]));
    expect(() => s.next()).toThrow(/negative/);
  });
});
