// @platformatic/kafka implements only recent API versions and never falls back: its consumer fetches
// at Fetch v13+ (topics by id). Produce → group consume → commit, end to end, through its own API.
import { Consumer, Producer, stringDeserializers, stringSerializers } from '@platformatic/kafka';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestBroker, type TestBroker } from '../server/testing.ts';

let broker: TestBroker;
beforeAll(async () => {
  broker = await startTestBroker({}, { coordinator: { initialRebalanceDelayMs: 0, offsetsTopicPartitions: 3 } });
});
afterAll(async () => {
  await broker?.destroy();
});

it('produces with @platformatic/kafka and consumes every record in a group, in order per partition, then commits', async () => {
  await broker.store.createTopic('platformatic-orders', 2);
  const producer = new Producer({ clientId: 'pp', bootstrapBrokers: [broker.address], serializers: stringSerializers, retries: 0 });
  const sent = Array.from({ length: 10 }, (_, i) => ({ topic: 'platformatic-orders', key: `k${i}`, value: `v${i}`, partition: i % 2 }));
  await producer.send({ messages: sent });
  const consumer = new Consumer({
    clientId: 'pc', groupId: 'platformatic-group', bootstrapBrokers: [broker.address], deserializers: stringDeserializers,
    retries: 0, sessionTimeout: 10_000, heartbeatInterval: 500, maxWaitTime: 200,
  });
  try {
    const stream = await consumer.consume({ topics: ['platformatic-orders'], mode: 'earliest', autocommit: false });
    const got: { partition: number; offset: bigint; value: string }[] = [];
    for await (const message of stream) {
      got.push({ partition: message.partition, offset: message.offset, value: message.value });
      await message.commit();
      if (got.length === sent.length) break;
    }
    await stream.close();
    for (const partition of [0, 1]) {
      const values = got.filter((m) => m.partition === partition).map((m) => m.value);
      expect(values).toEqual(sent.filter((m) => m.partition === partition).map((m) => m.value));
    }
    const committed = await consumer.listCommittedOffsets({ topics: [{ topic: 'platformatic-orders', partitions: [0, 1] }] });
    expect([...committed.get('platformatic-orders') ?? []]).toEqual([5n, 5n]);
  } finally {
    await consumer.close(true);
    await producer.close();
  }
}, 60_000);
