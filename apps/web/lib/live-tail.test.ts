import { describe, expect, it } from 'vitest';
import type { KafkaRecord } from '@brook/contract';
import { LiveTailBuffer } from './live-tail.ts';

const rec = (partition: number, offset: number): KafkaRecord => ({
  topic: 't', partition, offset, timestamp: offset, key: null, keyEncoding: 'null', value: offset, valueEncoding: 'json', headers: [], sizeBytes: 1,
});

const offsets = (records: KafkaRecord[]) => records.map((r) => `${r.partition}:${r.offset}`);

describe('LiveTailBuffer', () => {
  it('shows at most the row cap, newest kept', () => {
    const tail = new LiveTailBuffer(3);
    for (let i = 0; i < 10; i++) tail.push(rec(0, i));
    expect(offsets(tail.visible())).toEqual(['0:7', '0:8', '0:9']);
    expect(tail.received).toBe(10);
  });

  it('buffers while paused, counts arrivals, and shows them on resume', () => {
    const tail = new LiveTailBuffer(100);
    tail.push(rec(0, 0));
    tail.pause();
    tail.push(rec(0, 1));
    tail.push(rec(1, 0));
    expect(offsets(tail.visible())).toEqual(['0:0']);
    expect(tail.arrivedWhilePaused).toBe(2);
    expect(tail.buffered).toBe(2);
    tail.resume();
    expect(offsets(tail.visible())).toEqual(['0:0', '0:1', '1:0']);
    expect(tail.arrivedWhilePaused).toBe(0);
  });

  it('bounds the paused backlog and says how much it dropped', () => {
    const tail = new LiveTailBuffer(100, 5);
    tail.pause();
    for (let i = 0; i < 12; i++) tail.push(rec(0, i));
    expect(tail.buffered).toBe(5);
    expect(tail.arrivedWhilePaused).toBe(12);
    expect(tail.droppedWhilePaused).toBe(7);
    tail.resume();
    expect(offsets(tail.visible())).toEqual(['0:7', '0:8', '0:9', '0:10', '0:11']);
  });

  it('drops records a reconnect replays', () => {
    const tail = new LiveTailBuffer(10);
    expect(tail.push(rec(0, 5))).toBe(true);
    expect(tail.push(rec(0, 5))).toBe(false);
    expect(tail.push(rec(0, 4))).toBe(false);
    expect(tail.push(rec(1, 4))).toBe(true);
    expect(tail.received).toBe(2);
  });

  it('changes the row cap keeping the newest rows', () => {
    const tail = new LiveTailBuffer(10);
    for (let i = 0; i < 6; i++) tail.push(rec(0, i));
    tail.setRowCap(2);
    expect(offsets(tail.visible())).toEqual(['0:4', '0:5']);
    tail.push(rec(0, 6));
    expect(offsets(tail.visible())).toEqual(['0:5', '0:6']);
  });

  it('forgets seen offsets on reset, so a new start can replay them', () => {
    const tail = new LiveTailBuffer(10);
    tail.push(rec(0, 5));
    tail.pause();
    tail.reset();
    expect(tail.paused).toBe(false);
    expect(tail.push(rec(0, 1))).toBe(true);
    expect(offsets(tail.visible())).toEqual(['0:1']);
  });
});
