// kafkajs with SASL against the real broker over real sockets: every mechanism it offers produces and
// consumes through a consumer group (so the group APIs pass the authentication gate too), and a wrong
// password or a broker without SASL ends in an error, not a hang.
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SASL_MECHANISMS, UserStore } from '../auth/credentials.ts';
import { startTestBroker, type TestBroker } from '../server/testing.ts';

let broker: TestBroker;
let open: TestBroker;

beforeAll(async () => {
  const users = UserStore.fromPasswords({ alice: 'alice-secret', bob: 'bob-secret' });
  broker = await startTestBroker({ sasl: { users, mechanisms: SASL_MECHANISMS } }, { coordinator: { initialRebalanceDelayMs: 0 } });
  open = await startTestBroker();
});
afterAll(async () => {
  await broker?.destroy();
  await open?.destroy();
});

const kafka = (target: TestBroker, sasl: SASLOptions) =>
  new Kafka({ clientId: 'sasl-test', brokers: [target.address], sasl, logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 5000 });

describe.each(['plain', 'scram-sha-256', 'scram-sha-512'] as const)('kafkajs with SASL %s', (mechanism) => {
  it('produces and consumes in a group', async () => {
    const client = kafka(broker, { mechanism, username: 'alice', password: 'alice-secret' });
    const topic = `sasl-${mechanism}`;
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 2 }] });
    await admin.disconnect();
    const producer = client.producer();
    await producer.connect();
    await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: `v${i}`, partition: i % 2 })) });
    // Authenticated, the connection takes frames past the 512 KiB allowed before authentication.
    await producer.send({ topic: `${topic}-big`, messages: [{ value: Buffer.alloc(700 * 1024, 'b') }] });
    await producer.disconnect();

    const consumer = client.consumer({ groupId: `g-${mechanism}`, maxWaitTimeInMs: 200 });
    const seen: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const all = new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          seen.push(message.value?.toString() ?? '');
          if (seen.length === 10) resolve();
        },
      });
    });
    await all;
    await consumer.disconnect();
    expect(seen.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `v${i}`).sort());
  });

  it('is refused with a wrong password', async () => {
    const admin = kafka(broker, { mechanism, username: 'alice', password: 'bob-secret' }).admin();
    await expect(admin.connect()).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError', message: expect.stringMatching(/authentication failed: .*invalid username or password/) });
    await admin.disconnect();
  });
});

describe('kafkajs against a broker without SASL', () => {
  it('fails fast when it asks for SASL', async () => {
    const admin = kafka(open, { mechanism: 'scram-sha-256', username: 'alice', password: 'alice-secret' }).admin();
    await expect(admin.connect()).rejects.toThrow('The broker does not support the requested SASL mechanism');
    await admin.disconnect();
  });
});
