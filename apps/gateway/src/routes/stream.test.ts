import { request as httpRequest, type IncomingMessage } from 'node:http';
import { createBrookClient, createSseParser, type BrookClient, type ParsedSseEvent, type SseRecordData } from '@brook/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemCode, startStack, type Stack } from '../test-support/stack.ts';

interface Collected {
  records: SseRecordData[];
  ids: string[];
  errors: unknown[];
}

/** Reads a stream until `until` says stop, then aborts — like a browser tab closing. */
async function collect(client: BrookClient, topic: string, options: Parameters<BrookClient['stream']>[2], until: (c: Collected) => boolean, onOpen?: () => void): Promise<Collected> {
  const collected: Collected = { records: [], ids: [], errors: [] };
  const controller = new AbortController();
  const check = (): void => {
    if (until(collected)) controller.abort();
  };
  await client.stream(
    topic,
    {
      onRecord: (record, id) => {
        collected.records.push(record);
        collected.ids.push(id);
        check();
      },
      onError: (error) => {
        collected.errors.push(error);
        controller.abort();
      },
      onOpen,
    },
    { ...options, signal: controller.signal },
  );
  return collected;
}

const opened = (): { promise: Promise<void>; resolve: () => void } => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('SSE streams against the real broker', () => {
  let stack: Stack;
  let client: BrookClient;
  beforeAll(async () => {
    stack = await startStack({ listen: true, env: { GATEWAY_SSE_KEEPALIVE_MS: '100', GATEWAY_SSE_BUFFER_BYTES: '65536' } });
    client = createBrookClient({ baseUrl: stack.url });
    await client.createTopic({ name: 'ticks', partitions: 3 });
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('resumes after a disconnect with Last-Event-ID and gets exactly the missing records, in partition order', async () => {
    const values = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${(from + i) % 7}`, value: from + i }));
    await client.produce('ticks', { records: values(0, 30) });
    const first = await collect(client, 'ticks', { from: 'earliest' }, (c) => c.records.length >= 12);
    const lastId = first.ids[11] as string;
    const received = first.records.slice(0, 12);

    // Records written while nobody listens.
    await client.produce('ticks', { records: values(30, 30) });
    const ready = opened();
    const resumed = collect(client, 'ticks', { lastEventId: lastId }, (c) => received.length + c.records.length >= 75, ready.resolve);
    await ready.promise;
    await client.produce('ticks', { records: values(60, 15) });
    const second = await resumed;
    const all = [...received, ...second.records.slice(0, 75 - received.length)];

    expect(all.map((r) => r.value).sort((a, b) => Number(a) - Number(b))).toEqual(Array.from({ length: 75 }, (_, i) => i));
    for (const partition of [0, 1, 2]) {
      const offsets = all.filter((r) => r.partition === partition).map((r) => r.offset);
      expect(offsets).toEqual(offsets.map((_, i) => i));
    }
  });

  it('shares one upstream between clients and delivers live records to each', async () => {
    const a = opened();
    const b = opened();
    const first = collect(client, 'ticks', { partition: 1 }, (c) => c.records.length >= 5, a.resolve);
    const second = collect(client, 'ticks', { valueContains: '"live"' }, (c) => c.records.length >= 5, b.resolve);
    await Promise.all([a.promise, b.promise]);
    await client.produce('ticks', { records: Array.from({ length: 5 }, () => ({ value: { live: true }, partition: 1 })) });
    const [x, y] = await Promise.all([first, second]);
    expect(x.records.map((r) => r.partition)).toEqual([1, 1, 1, 1, 1]);
    expect(y.records.every((r) => JSON.stringify(r.value) === '{"live":true}')).toBe(true);
    // A partition-scoped id only names its partition.
    expect(JSON.parse(Buffer.from(x.ids[4] as string, 'base64url').toString()).o).toHaveLength(1);
  });

  it('resumes from ?cursor= as well', async () => {
    const page = await client.readMessages('ticks', { partition: 0, from: 'latest', limit: 3 });
    const ready = opened();
    const resumed = collect(client, 'ticks', { cursor: page.nextCursor, partition: 0 }, (c) => c.records.length >= 2, ready.resolve);
    await ready.promise;
    await client.produce('ticks', { records: [{ value: 'p0-a', partition: 0 }, { value: 'p0-b', partition: 0 }] });
    expect((await resumed).records.map((r) => r.value)).toEqual(['p0-a', 'p0-b']);
  });

  it('starts at a timestamp, even inside a batch', async () => {
    await client.createTopic({ name: 'timed', partitions: 1 });
    const base = 1_700_000_000_000;
    await client.produce('timed', { records: Array.from({ length: 10 }, (_, i) => ({ value: i, timestamp: base + i * 1000 })) });
    const got = await collect(client, 'timed', { from: String(base + 6500) }, (c) => c.records.length >= 3);
    expect(got.records.map((r) => r.value)).toEqual([7, 8, 9]);
  });

  it('ends with an error event when the topic is deleted, then answers 204', async () => {
    await client.createTopic({ name: 'doomed', partitions: 1 });
    const ready = opened();
    const streamed = collect(client, 'doomed', {}, () => false, ready.resolve);
    await ready.promise;
    await client.deleteTopic('doomed');
    const result = await streamed;
    expect(result.errors).toEqual([expect.objectContaining({ code: 'GATEWAY_TOPIC_NOT_FOUND' })]);
    expect((await fetch(`${stack.url}/topics/doomed/stream`)).status).toBe(204);
  });

  it('sends keepalive comments', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(`${stack.url}/topics/ticks/stream`, (res: IncomingMessage) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
          if (body.includes(': keepalive')) {
            req.destroy();
            resolve(body);
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(text).toContain(': keepalive\n\n');
  });

  it('closes a live client that does not read with an error event, after what it was sent', async () => {
    await client.createTopic({ name: 'flood', partitions: 1 });
    // Earlier tests' aborted streams are gone once the gateway saw their sockets close.
    for (let i = 0; i < 100 && stack.app.streams.size > 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stack.app.streams.size).toBe(0);
    const events: ParsedSseEvent[] = [];
    let produced = 0;
    const done = new Promise<void>((resolve, reject) => {
      const req = httpRequest(`${stack.url}/topics/flood/stream`, (res) => {
        res.pause();
        void (async () => {
          // Fill the kernel's socket buffers and then the gateway's buffer for this client while it reads
          // nothing, until the gateway gives up on it (how much that takes depends on the kernel's buffers).
          for (let i = 0; i < 400 && stack.app.streams.size > 0; i++) {
            await client.produce('flood', { records: Array.from({ length: 100 }, (_, j) => ({ value: `${produced + j} ${'x'.repeat(1000)}` })) });
            produced += 100;
          }
          const feed = createSseParser((event) => events.push(event));
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => feed(chunk));
          res.on('end', () => resolve());
          res.resume();
        })().catch(reject);
      });
      req.on('error', reject);
      req.end();
    });
    await done;
    const last = events[events.length - 1];
    expect(last?.event).toBe('error');
    expect(JSON.parse(last?.data ?? '{}').code).toBe('GATEWAY_SLOW_CONSUMER');
    const records = events.filter((e) => e.event === 'record');
    expect(records.length).toBeLessThan(produced);
    // What was delivered is a gap-free prefix: resuming from the last id loses nothing.
    expect(records.map((e) => JSON.parse(e.data).offset)).toEqual(records.map((_, i) => i));
    const lastId = records[records.length - 1]?.id ?? '';
    const rest = await collect(client, 'flood', { lastEventId: lastId }, (c) => records.length + c.records.length >= produced);
    expect(rest.records[0]?.offset).toBe(records.length);
    expect(records.length + rest.records.length).toBe(produced);
  }, 60_000);

  it('answers 204 for a topic that does not exist, 404 for an unknown partition, 400 for a bad cursor', async () => {
    expect((await fetch(`${stack.url}/topics/nope/stream`)).status).toBe(204);
    const partition = await fetch(`${stack.url}/topics/ticks/stream?partition=9`);
    expect(partition.status).toBe(404);
    expect((await problemCode(partition))).toBe('GATEWAY_PARTITION_NOT_FOUND');
    const cursor = await fetch(`${stack.url}/topics/ticks/stream`, { headers: { 'last-event-id': 'garbage!' } });
    expect(cursor.status).toBe(400);
    expect((await problemCode(cursor))).toBe('GATEWAY_INVALID_CURSOR');
  });

  it('consumes as a consumer group with group= and commits what it delivered', async () => {
    await client.createTopic({ name: 'jobs', partitions: 1 });
    await client.produce('jobs', { records: Array.from({ length: 4 }, (_, i) => ({ value: `job-${i}` })) });
    const got = await collect(client, 'jobs', { group: 'workers', from: 'earliest' }, (c) => c.records.length >= 4);
    expect(got.records.map((r) => r.value)).toEqual(['job-0', 'job-1', 'job-2', 'job-3']);
    const admin = stack.kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchOffsets({ groupId: 'workers', topics: ['jobs'] });
      expect(offsets[0]?.partitions[0]?.offset).toBe('4');
    } finally {
      await admin.disconnect();
    }
  });
});
