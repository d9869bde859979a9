import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiKey } from '../protocol/generated/messages.ts';
import { RawClient, startTestBroker, type TestBroker } from './testing.ts';

let broker: TestBroker;

beforeAll(async () => {
  broker = await startTestBroker({ maxFrameBytes: 1024 * 1024 });
});

afterAll(async () => {
  await broker?.destroy();
});

function sized(body: Buffer): Buffer {
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

/** Request header v1 for api/version/correlation 1 with an empty client id. */
function header(apiKey: number, apiVersion: number): Buffer {
  const h = Buffer.alloc(10);
  h.writeInt16BE(apiKey, 0);
  h.writeInt16BE(apiVersion, 2);
  h.writeInt32BE(1, 4);
  h.writeInt16BE(0, 8);
  return h;
}

async function expectClosedAfter(bytes: Buffer): Promise<void> {
  const c = new RawClient(broker.port);
  await c.ready;
  c.write(bytes);
  expect(await c.next()).toBeNull();
}

async function kafkajsStillWorks(): Promise<void> {
  const admin = new Kafka({ clientId: 'after-abuse', brokers: [broker.address], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic: `alive-${Math.random().toString(36).slice(2)}` }] });
    expect(Array.isArray(await admin.listTopics())).toBe(true);
  } finally {
    await admin.disconnect();
  }
}

describe('hostile and broken input', () => {
  it('closes on an oversized frame without waiting for its bytes', async () => {
    const size = Buffer.alloc(4);
    size.writeInt32BE(512 * 1024 * 1024);
    await expectClosedAfter(size);
  });

  it('closes on a negative frame size', async () => {
    await expectClosedAfter(Buffer.from([0x80, 0, 0, 0]));
  });

  it('closes on a frame too short for a request header', async () => {
    await expectClosedAfter(sized(Buffer.from([0, 3, 0])));
  });

  it('closes on an unknown API key', async () => {
    await expectClosedAfter(sized(header(999, 0)));
  });

  it('closes on a truncated body', async () => {
    // Metadata v1 announcing 3 topics, carrying one partial name.
    await expectClosedAfter(sized(Buffer.concat([header(ApiKey.Metadata, 1), Buffer.from([0, 0, 0, 3, 0, 10, 0x61])])));
  });

  it('closes on a huge array count without allocating it', async () => {
    await expectClosedAfter(sized(Buffer.concat([header(ApiKey.Metadata, 1), Buffer.from([0x7f, 0xff, 0xff, 0xff])])));
  });

  it('closes on a huge string length', async () => {
    // One topic whose name claims 32767 bytes; padded so the array count itself is plausible.
    await expectClosedAfter(sized(Buffer.concat([header(ApiKey.CreateTopics, 0), Buffer.from([0, 0, 0, 1, 0x7f, 0xff]), Buffer.alloc(40)])));
  });

  it('closes on random garbage', async () => {
    let seed = 12345;
    const garbage = Buffer.alloc(4096);
    for (let i = 0; i < garbage.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      garbage[i] = seed >>> 24;
    }
    // A plausible size so the garbage reaches the decoder rather than the size check.
    garbage.writeInt32BE(garbage.length - 4, 0);
    await expectClosedAfter(garbage);
  });

  it('survives a client that disconnects halfway through a frame', async () => {
    const c = new RawClient(broker.port);
    await c.ready;
    c.write(sized(Buffer.concat([header(ApiKey.Metadata, 1), Buffer.alloc(100)])).subarray(0, 30));
    c.end();
    await kafkajsStillWorks();
  });

  it('keeps serving kafkajs after all of that', async () => {
    await kafkajsStillWorks();
  });
});
