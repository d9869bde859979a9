import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../test-support/stack.ts';
import { MetadataService } from './metadata.ts';

const names = (listing: { topics: Array<{ name: string }> }): string[] => listing.topics.map((t) => t.name);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the cached all-topics listing against the real broker', () => {
  let stack: Stack;
  let metadata: MetadataService;
  const CACHE_MS = 50;
  beforeAll(async () => {
    stack = await startStack();
    metadata = new MetadataService(stack.app.kafka, CACHE_MS);
  });
  afterAll(async () => {
    await stack?.close();
  });

  async function createOutside(topic: string): Promise<void> {
    const admin = stack.kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }] });
    } finally {
      await admin.disconnect();
    }
  }

  it('answers a stale listing at once and refreshes it behind, only when the caller allows it', async () => {
    expect(names(await metadata.all())).not.toContain('late');
    await createOutside('late');
    await sleep(CACHE_MS + 10);
    // Allowed to be stale: the old listing now, the new one once the refresh behind it lands.
    expect(names(await metadata.all({ maxStaleMs: 60_000 }))).not.toContain('late');
    await expect.poll(async () => names(await metadata.all({ maxStaleMs: 60_000 }))).toContain('late');

    await createOutside('later');
    await sleep(CACHE_MS + 10);
    // Not allowed (readiness, cluster overview): waits for a fresh answer.
    expect(names(await metadata.all())).toContain('later');

    await createOutside('too-old');
    await sleep(CACHE_MS + 10);
    // Older than maxStaleMs: fresh as well.
    expect(names(await metadata.all({ maxStaleMs: CACHE_MS }))).toContain('too-old');
  });

  it('forgets the listing on invalidate, even for callers that accept a stale one', async () => {
    await metadata.all();
    await createOutside('changed-through-gateway');
    metadata.invalidate();
    expect(names(await metadata.all({ maxStaleMs: 60_000 }))).toContain('changed-through-gateway');
  });

  it('shares one Metadata request between concurrent callers', async () => {
    metadata.invalidate();
    const [a, b] = [metadata.all(), metadata.all()];
    expect(a).toBe(b);
    await a;
  });
});

describe('ListOffsets shared between concurrent identical requests', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    const admin = stack.kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: 'shared', numPartitions: 2 }] });
    await admin.disconnect();
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('sends one request for identical concurrent asks and a new one once it settled', async () => {
    let requests = 0;
    const kafka = stack.app.kafka;
    const counting = Object.create(kafka, {
      withReader: { value: (fn: Parameters<typeof kafka.withReader>[0]) => (requests++, kafka.withReader(fn)) },
    }) as typeof kafka;
    const metadata = new MetadataService(counting);
    const meta = await metadata.topic('shared');
    requests = 0;
    const [a, b, other] = await Promise.all([metadata.offsets([meta], -1), metadata.offsets([meta], -1), metadata.offsets([meta], -2)]);
    expect(requests).toBe(2);
    expect(a).toBe(b);
    expect(a.get('shared')).toEqual(new Map([[0, 0], [1, 0]]));
    expect(other.get('shared')).toEqual(new Map([[0, 0], [1, 0]]));
    const producer = stack.kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'shared', messages: [{ value: 'x', partition: 1 }] });
    await producer.disconnect();
    // Settled answers are not kept: the next ask sees the new record.
    expect((await metadata.offsets([meta], -1)).get('shared')?.get(1)).toBe(1);
    expect(requests).toBe(3);
  });
});
