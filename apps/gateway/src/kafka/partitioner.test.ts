import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { keyedPartition } from './partitioner.ts';

// kafkajs's DefaultPartitioner is the Java client's; it is the reference.
const reference = kafkajs.Partitioners.DefaultPartitioner();

describe('keyed partitioner', () => {
  it('puts every key on the same partition as kafkajs (and Java) do', () => {
    const keys: Array<Buffer | string> = ['', 'a', 'ab', 'abc', 'abcd', 'user-1', 'clé ✓ 日本', 'x'.repeat(5000)];
    for (let i = 0; i < 2000; i++) keys.push(Buffer.from(Array.from({ length: i % 37 }, (_, j) => (i * 131 + j * 17) & 0xff)));
    for (let i = 0; i < 500; i++) keys.push(`key-${i * 7919}`);
    for (const count of [1, 3, 7, 64]) {
      const partitionMetadata = Array.from({ length: count }, (_, partitionId) => ({ partitionId, leader: 0, replicas: [0], isr: [0], partitionErrorCode: 0 }));
      for (const key of keys) {
        const want = reference({ topic: 't', partitionMetadata, message: { key: Buffer.from(key), value: null } });
        expect(keyedPartition(key, count), `${count} partitions, key ${String(key).slice(0, 20)}`).toBe(want);
      }
    }
  });
});
