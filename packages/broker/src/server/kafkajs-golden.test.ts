// Captures the first requests kafkajs sends (over a real socket, to a tiny server standing in for the
// broker) and checks they are the golden bytes the protocol tests decode.
import { createServer, type Server } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeToBuffer } from '../protocol/codec.ts';
import { schemas } from '../protocol/generated/messages.ts';
import { KAFKAJS_API_VERSIONS_V2, KAFKAJS_METADATA_V6 } from '../protocol/golden.fixtures.ts';

let server: Server | undefined;

afterAll(() => server?.close());

function capture(): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const frames: Buffer[] = [];
    server = createServer((socket) => {
      let buf = Buffer.alloc(0);
      socket.on('error', () => {});
      socket.on('data', (chunk: Buffer) => {
        buf = Buffer.concat([buf, chunk]);
        while (buf.length >= 4 && buf.length >= 4 + buf.readInt32BE(0)) {
          const frame = buf.subarray(4, 4 + buf.readInt32BE(0));
          buf = buf.subarray(4 + frame.length);
          frames.push(frame);
          if (frame.readInt16BE(0) !== 18) {
            socket.destroy();
            resolve(frames);
            return;
          }
          const body = encodeToBuffer(schemas.ApiVersionsResponse, frame.readInt16BE(2), {
            errorCode: 0,
            apiKeys: [{ apiKey: 3, minVersion: 0, maxVersion: 8 }, { apiKey: 18, minVersion: 0, maxVersion: 3 }],
          });
          const head = Buffer.alloc(8);
          head.writeInt32BE(4 + body.length, 0);
          head.writeInt32BE(frame.readInt32BE(4), 4);
          socket.write(Buffer.concat([head, body]));
        }
      });
    });
    server.listen(0, '127.0.0.1', () => {
      const address = server?.address();
      if (!address || typeof address === 'string') return reject(new Error('no address'));
      const admin = new Kafka({ clientId: 'golden', brokers: [`127.0.0.1:${address.port}`], logLevel: logLevel.NOTHING, retry: { retries: 0 } }).admin();
      admin
        .connect()
        .then(() => admin.fetchTopicMetadata({ topics: ['golden-topic'] }))
        .catch(() => {})
        .finally(() => void admin.disconnect());
    });
  });
}

describe('kafkajs request bytes', () => {
  it('match the golden ApiVersions and Metadata requests', async () => {
    const frames = await capture();
    expect(frames.map((f) => f.toString('hex'))).toEqual([KAFKAJS_API_VERSIONS_V2, KAFKAJS_METADATA_V6]);
  });
});
