import { afterEach, describe, expect, it } from 'vitest';
import { KafkaError } from '../errors.ts';
import { apiVersionsHandler } from '../handlers/api-versions.ts';
import { decode, encodeToBuffer } from '../protocol/codec.ts';
import { ApiKey, schemas, type ApiVersionsResponse, type HeartbeatResponse } from '../protocol/generated/messages.ts';
import { Reader } from '../protocol/reader.ts';
import type { AnyHandler } from './context.ts';
import { defineHandler } from './registry.ts';
import { RawClient, startTestBroker, type TestBroker } from './testing.ts';

let broker: TestBroker | undefined;
let client: RawClient | undefined;

afterEach(async () => {
  client?.end();
  await broker?.destroy();
  broker = undefined;
  client = undefined;
});

async function setup(handlers: AnyHandler[], maxInFlightPerConnection = 32, maxFrameBytes = 1024 * 1024): Promise<RawClient> {
  broker = await startTestBroker({ maxInFlightPerConnection, maxFrameBytes }, { handlers: [apiVersionsHandler, ...handlers] });
  client = new RawClient(broker.port);
  await client.ready;
  return client;
}

const heartbeatBody = encodeToBuffer(schemas.HeartbeatRequest, 0, { groupId: 'g', generationId: 1, memberId: 'm' });

function heartbeat(c: RawClient, correlationId: number, version = 0): void {
  c.request(ApiKey.Heartbeat, version, correlationId, version === 0 ? heartbeatBody : encodeToBuffer(schemas.HeartbeatRequest, version, { groupId: 'g', generationId: 1, memberId: 'm' }));
}

function readHeartbeat(frame: Buffer | null): { correlationId: number; body: HeartbeatResponse } {
  if (!frame) throw new Error('connection closed');
  const reader = new Reader(frame, 4);
  return { correlationId: frame.readInt32BE(0), body: decode<HeartbeatResponse>(schemas.HeartbeatResponse, 0, reader) };
}

/** A controllable handler: each call parks until the test releases it. */
function parkingHandler(): { handler: AnyHandler; calls: { resolve: (errorCode: number) => void }[]; called: (n: number) => Promise<void> } {
  const calls: { resolve: (errorCode: number) => void }[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const handler = defineHandler('Heartbeat', {
    minVersion: 0,
    maxVersion: 0,
    handle() {
      return new Promise<HeartbeatResponse>((resolve) => {
        calls.push({ resolve: (errorCode) => resolve({ errorCode }) });
        for (const w of waiters.filter((w) => calls.length >= w.n)) w.resolve();
      });
    },
  });
  const called = (n: number): Promise<void> => (calls.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve })));
  return { handler, calls, called };
}

describe('connection', () => {
  it('answers in request order when handlers finish in reverse order', async () => {
    const { handler, calls, called } = parkingHandler();
    const c = await setup([handler]);
    for (const id of [101, 102, 103]) heartbeat(c, id);
    await called(3);
    calls[2]?.resolve(3);
    calls[1]?.resolve(2);
    calls[0]?.resolve(1);
    const got = [readHeartbeat(await c.next()), readHeartbeat(await c.next()), readHeartbeat(await c.next())];
    expect(got.map((r) => [r.correlationId, r.body.errorCode])).toEqual([[101, 1], [102, 2], [103, 3]]);
  });

  it('stops dispatching past the in-flight limit until responses go out', async () => {
    const { handler, calls, called } = parkingHandler();
    let maxParked = 0;
    const c = await setup([handler], 2);
    for (let id = 1; id <= 5; id++) heartbeat(c, id);
    for (let done = 0; done < 5; done++) {
      await called(Math.min(done + 2, 5));
      maxParked = Math.max(maxParked, calls.length - done);
      calls[done]?.resolve(0);
      expect(readHeartbeat(await c.next()).correlationId).toBe(done + 1);
    }
    expect(maxParked).toBe(2);
  });

  it('also bounds the request bytes in flight, always letting one frame through', async () => {
    const { handler, calls, called } = parkingHandler();
    const body = encodeToBuffer(schemas.HeartbeatRequest, 0, { groupId: 'g'.repeat(600), generationId: 1, memberId: 'm' });
    const frameBytes = 10 + 'raw-test'.length + body.length;
    const budget = 2048;
    const c = await setup([handler], 32, budget);
    for (let id = 1; id <= 6; id++) c.request(ApiKey.Heartbeat, 0, id, body);
    const expected = Math.ceil(budget / frameBytes);
    let maxParked = 0;
    for (let done = 0; done < 6; done++) {
      await called(Math.min(done + expected, 6));
      maxParked = Math.max(maxParked, calls.length - done);
      calls[done]?.resolve(0);
      expect(readHeartbeat(await c.next()).correlationId).toBe(done + 1);
    }
    expect(maxParked).toBe(expected);
  });

  it('sends nothing when the handler returns null', async () => {
    const handler = defineHandler('Heartbeat', { minVersion: 0, maxVersion: 0, handle: (_req, ctx) => (ctx.correlationId === 1 ? null : { errorCode: 0 }) });
    const c = await setup([handler]);
    heartbeat(c, 1);
    heartbeat(c, 2);
    expect(readHeartbeat(await c.next()).correlationId).toBe(2);
  });

  it('answers a throwing handler with the top-level error code and keeps the connection', async () => {
    const handler = defineHandler('Heartbeat', {
      minVersion: 0,
      maxVersion: 0,
      handle(_req, ctx) {
        if (ctx.correlationId === 1) throw new Error('boom');
        throw new KafkaError('REBALANCE_IN_PROGRESS');
      },
    });
    const c = await setup([handler]);
    heartbeat(c, 1);
    heartbeat(c, 2);
    expect(readHeartbeat(await c.next()).body.errorCode).toBe(-1);
    expect(readHeartbeat(await c.next()).body.errorCode).toBe(27);
  });

  it('closes the connection when a throwing handler has no error field to answer with', async () => {
    const handler = defineHandler('DeleteTopics', {
      minVersion: 0,
      maxVersion: 0,
      handle() {
        throw new Error('boom');
      },
    });
    const c = await setup([handler]);
    c.request(ApiKey.DeleteTopics, 0, 1, encodeToBuffer(schemas.DeleteTopicsRequest, 0, { topicNames: ['a'], timeoutMs: 1 }));
    expect(await c.next()).toBeNull();
  });

  it('answers an unsupported version with UNSUPPORTED_VERSION where the response has an error code', async () => {
    const handler = defineHandler('Heartbeat', { minVersion: 0, maxVersion: 0, handle: () => ({ errorCode: 0 }) });
    const c = await setup([handler]);
    heartbeat(c, 7, 1);
    const frame = await c.next();
    expect(frame?.readInt32BE(0)).toBe(7);
    expect(decode<HeartbeatResponse>(schemas.HeartbeatResponse, 1, new Reader(frame as Buffer, 4)).errorCode).toBe(35);
  });

  it('closes on an unsupported version when the response has no top-level error code', async () => {
    const handler = defineHandler('DeleteTopics', { minVersion: 0, maxVersion: 0, handle: () => ({ responses: [] }) });
    const c = await setup([handler]);
    c.request(ApiKey.DeleteTopics, 1, 1, encodeToBuffer(schemas.DeleteTopicsRequest, 1, { topicNames: ['a'], timeoutMs: 1 }));
    expect(await c.next()).toBeNull();
  });
});

describe('idle connections', () => {
  it('closes a connection that stays idle past connectionsMaxIdleMs', async () => {
    broker = await startTestBroker({ connectionsMaxIdleMs: 50 }, { handlers: [apiVersionsHandler] });
    client = new RawClient(broker.port);
    await client.ready;
    client.request(ApiKey.ApiVersions, 0, 1, Buffer.alloc(0));
    expect((await client.next())?.readInt32BE(0)).toBe(1);
    await client.waitClosed();
    expect(client.closed).toBe(true);
  });
});

describe('authentication gate', () => {
  it('serves only ApiVersions and SASL until a handler authenticates the connection, then everything', async () => {
    const handshake = defineHandler('SaslHandshake', {
      minVersion: 0,
      maxVersion: 1,
      handle(request, ctx) {
        if (request.mechanism === 'LET-ME-IN') ctx.connection.authenticate('tester');
        return { errorCode: 0, mechanisms: ['LET-ME-IN'] };
      },
    });
    const heartbeatOk = defineHandler('Heartbeat', { minVersion: 0, maxVersion: 0, handle: () => ({ errorCode: 0 }) });
    broker = await startTestBroker({}, { handlers: [apiVersionsHandler, handshake, heartbeatOk], requireAuthentication: true });

    const rejected = new RawClient(broker.port);
    await rejected.ready;
    rejected.request(ApiKey.ApiVersions, 0, 1, Buffer.alloc(0));
    expect((await rejected.next())?.readInt32BE(0)).toBe(1);
    heartbeat(rejected, 2);
    expect(await rejected.next()).toBeNull();

    client = new RawClient(broker.port);
    await client.ready;
    client.request(ApiKey.SaslHandshake, 1, 3, encodeToBuffer(schemas.SaslHandshakeRequest, 1, { mechanism: 'LET-ME-IN' }));
    expect((await client.next())?.readInt32BE(0)).toBe(3);
    heartbeat(client, 4);
    expect(readHeartbeat(await client.next())).toMatchObject({ correlationId: 4, body: { errorCode: 0 } });
  });
});

describe('raw token frames (SASL after SaslHandshake v0)', () => {
  it('hands the next frame to the registered raw handler and writes its answer size-prefixed', async () => {
    const handler = defineHandler('SaslHandshake', {
      minVersion: 0,
      maxVersion: 1,
      handle(request, ctx) {
        ctx.connection.expectRawFrame((token) => Buffer.from(token.toString('utf8').toUpperCase()));
        return { errorCode: 0, mechanisms: [request.mechanism] };
      },
    });
    const c = await setup([handler]);
    c.request(ApiKey.SaslHandshake, 0, 1, encodeToBuffer(schemas.SaslHandshakeRequest, 0, { mechanism: 'PLAIN' }));
    expect((await c.next())?.readInt32BE(0)).toBe(1);
    const token = Buffer.from('\u0000user\u0000secret');
    const size = Buffer.alloc(4);
    size.writeInt32BE(token.length);
    c.write(Buffer.concat([size, token]));
    expect((await c.next())?.toString('utf8')).toBe('\u0000USER\u0000SECRET');
    // Back to Kafka framing afterwards.
    c.request(ApiKey.ApiVersions, 0, 2, Buffer.alloc(0));
    expect((await c.next())?.readInt32BE(0)).toBe(2);
  });
});

describe('ApiVersions on the wire', () => {
  it('serves v3 (flexible body, response header v0) and lists the registry', async () => {
    const c = await setup([]);
    const body = encodeToBuffer(schemas.ApiVersionsRequest, 3, { clientSoftwareName: 'test', clientSoftwareVersion: '1' });
    c.request(ApiKey.ApiVersions, 3, 42, Buffer.concat([body]), true);
    const frame = (await c.next()) as Buffer;
    expect(frame.readInt32BE(0)).toBe(42);
    const reader = new Reader(frame, 4);
    const res = decode<ApiVersionsResponse>(schemas.ApiVersionsResponse, 3, reader);
    expect(reader.remaining()).toBe(0);
    expect(res.errorCode).toBe(0);
    expect(res.apiKeys).toEqual([{ apiKey: 18, minVersion: 0, maxVersion: 3 }]);
  });

  it('answers a version above the max in the v0 layout with UNSUPPORTED_VERSION and the supported range', async () => {
    const c = await setup([]);
    c.request(ApiKey.ApiVersions, 9, 5, Buffer.from([0]), true);
    const frame = (await c.next()) as Buffer;
    expect(frame.readInt32BE(0)).toBe(5);
    const res = decode<ApiVersionsResponse>(schemas.ApiVersionsResponse, 0, new Reader(frame, 4));
    expect(res).toMatchObject({ errorCode: 35, apiKeys: [{ apiKey: 18, minVersion: 0, maxVersion: 3 }] });
  });
});
