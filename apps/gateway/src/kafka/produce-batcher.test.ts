import { describe, expect, it } from 'vitest';
import { ProduceBatcher, type BatchKey } from './produce-batcher.ts';
import type { OutgoingRecord } from './record-batch.ts';

const key: BatchKey = { topic: 't', partition: 0, acks: -1, timeoutMs: 1000 };
const message = (value: string): OutgoingRecord => ({ key: null, value: Buffer.from(value) });

/** A send function that records each batch and assigns offsets like a partition log. */
function log() {
  const batches: string[][] = [];
  let next = 0;
  let release: (() => void) | undefined;
  let gate: Promise<void> | undefined;
  return {
    batches,
    hold() {
      gate = new Promise<void>((resolve) => (release = resolve));
    },
    open() {
      release?.();
      gate = undefined;
    },
    send: async (_key: BatchKey, messages: readonly OutgoingRecord[]): Promise<number> => {
      const base = next;
      next += messages.length;
      batches.push(messages.map((m) => String(m.value)));
      if (gate) await gate;
      return base;
    },
  };
}

describe('produce micro-batching', () => {
  it('merges what arrives while a request is in flight and hands each caller its own offsets', async () => {
    const partition = log();
    const batcher = new ProduceBatcher(partition.send);
    partition.hold();
    const first = batcher.enqueue(key, [message('a')]);
    await new Promise((resolve) => setImmediate(resolve));
    const rest = [batcher.enqueue(key, [message('b'), message('c')]), batcher.enqueue(key, [message('d')])];
    partition.open();
    expect(await first).toBe(0);
    expect(await Promise.all(rest)).toEqual([1, 3]);
    expect(partition.batches).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('keeps one Kafka request under the size budget', async () => {
    const partition = log();
    const batcher = new ProduceBatcher(partition.send);
    const big = 'x'.repeat(400 * 1024);
    const offsets = await Promise.all([big, big, big].map((v) => batcher.enqueue(key, [message(v)])));
    expect(offsets).toEqual([0, 1, 2]);
    expect(partition.batches.map((b) => b.length)).toEqual([2, 1]);
  });

  it('fails every caller of a failed batch, and only them', async () => {
    let calls = 0;
    const batcher = new ProduceBatcher(async () => {
      if (++calls === 1) throw new Error('NOT_LEADER');
      return 7;
    });
    await expect(batcher.enqueue(key, [message('a')])).rejects.toThrow('NOT_LEADER');
    expect(await batcher.enqueue(key, [message('b')])).toBe(7);
  });
});
