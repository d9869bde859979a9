// SaslHandshake and SaslAuthenticate over a real socket, byte-level: every version, the legacy raw-token
// exchange after handshake v0, the pre-authentication gate, and out-of-order use.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SASL_MECHANISMS, UserStore } from '../auth/credentials.ts';
import { scramClient } from '../auth/scram-client.test-util.ts';
import { ErrorCode } from '../errors.ts';
import { ApiKey } from '../protocol/generated/messages.ts';
import { startTestBroker, type TestBroker } from '../server/testing.ts';
import { TypedClient } from './typed-client.test-util.ts';

const users = UserStore.fromPasswords({ alice: 'alice-secret' });
const logLines: string[] = [];
let broker: TestBroker;
let open: TestBroker;
const clients: TypedClient[] = [];

function client(target = broker): TypedClient {
  const c = new TypedClient(target.port);
  clients.push(c);
  return c;
}

/** A bare size-prefixed token, as kafka-python and old sarama send after SaslHandshake v0. */
function rawToken(c: TypedClient, token: Buffer): void {
  const size = Buffer.alloc(4);
  size.writeInt32BE(token.length);
  c.raw.write(Buffer.concat([size, token]));
}

const plain = (user: string, password: string, authzid = ''): Buffer => Buffer.from(`${authzid}\u0000${user}\u0000${password}`);

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString().split('\n').filter((l) => l !== ''));
      done();
    },
  });
  broker = await startTestBroker({ sasl: { users, mechanisms: SASL_MECHANISMS } }, { logger: pino({ level: 'info' }, sink) });
  open = await startTestBroker();
});
afterAll(async () => {
  for (const c of clients) c.end();
  await broker?.destroy();
  await open?.destroy();
});

describe('with SASL on', () => {
  it('closes a connection that sends Metadata before authenticating, and logs why', async () => {
    const c = client();
    c.send('Metadata', 1, { topics: null });
    expect(await c.raw.next()).toBeNull();
    expect(logLines.some((l) => l.includes('Metadata request before SASL authentication'))).toBe(true);
  });

  it('closes a connection that announces a frame over 512 KiB before authenticating', async () => {
    const c = client();
    const size = Buffer.alloc(4);
    size.writeInt32BE(512 * 1024 + 1);
    c.raw.write(size);
    expect(await c.raw.next()).toBeNull();
    expect(logLines.some((l) => l.includes('exceeds the limit of 524288'))).toBe(true);
  });

  it('serves ApiVersions before authentication and advertises both SASL APIs', async () => {
    const res = await client().call('ApiVersions', 0, {});
    expect(res.apiKeys).toContainEqual({ apiKey: ApiKey.SaslHandshake, minVersion: 0, maxVersion: 1 });
    expect(res.apiKeys).toContainEqual({ apiKey: ApiKey.SaslAuthenticate, minVersion: 0, maxVersion: 1 });
  });

  it.each([0, 1])('answers SaslHandshake v%i for an unknown mechanism with the enabled list, then closes', async (version) => {
    const c = client();
    expect(await c.call('SaslHandshake', version, { mechanism: 'GSSAPI' })).toEqual({ errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms: ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] });
    await c.raw.waitClosed();
  });

  it.each([0, 1])('authenticates PLAIN through SaslAuthenticate v%i, then serves Metadata', async (version) => {
    const c = client();
    expect((await c.call('SaslHandshake', 1, { mechanism: 'PLAIN' })).errorCode).toBe(ErrorCode.NONE);
    const res = await c.call('SaslAuthenticate', version, { authBytes: plain('alice', 'alice-secret') });
    expect(res).toMatchObject({ errorCode: ErrorCode.NONE, errorMessage: null });
    if (version === 1) expect(res.sessionLifetimeMs).toBe(0n);
    expect((await c.call('Metadata', 1, { topics: null })).brokers).toHaveLength(1);
  });

  it.each([0, 1])('refuses a wrong password through SaslAuthenticate v%i with SASL_AUTHENTICATION_FAILED, then closes', async (version) => {
    const c = client();
    await c.call('SaslHandshake', 1, { mechanism: 'PLAIN' });
    const res = await c.call('SaslAuthenticate', version, { authBytes: plain('alice', 'wrong') });
    expect(res.errorCode).toBe(ErrorCode.SASL_AUTHENTICATION_FAILED);
    expect(res.errorMessage).toMatch(/invalid username or password/);
    await c.raw.waitClosed();
    expect(logLines.some((l) => l.includes('SASL authentication failed') && l.includes('"user":"alice"') && l.includes('"mechanism":"PLAIN"'))).toBe(true);
    expect(logLines.some((l) => l.includes('alice-secret') || l.includes('"wrong"'))).toBe(false);
  });

  it.each([
    ['SCRAM-SHA-256', 'sha256'],
    ['SCRAM-SHA-512', 'sha512'],
  ] as const)('runs the two-step %s exchange in SaslAuthenticate and checks the server signature', async (mechanism, hash) => {
    const c = client();
    await c.call('SaslHandshake', 1, { mechanism });
    const scram = scramClient(hash, 'alice', 'alice-secret');
    const first = await c.call('SaslAuthenticate', 1, { authBytes: scram.first });
    expect(first.errorCode).toBe(ErrorCode.NONE);
    const final = await c.call('SaslAuthenticate', 1, { authBytes: scram.final(first.authBytes.toString()) });
    expect(final).toMatchObject({ errorCode: ErrorCode.NONE, sessionLifetimeMs: 0n });
    expect(final.authBytes.toString()).toBe(scram.expectedServerFinal());
    expect((await c.call('ListGroups', 0, {})).errorCode).toBe(ErrorCode.NONE);
  });

  it('legacy v0: PLAIN as a raw token is answered with an empty frame, then Kafka requests flow', async () => {
    const c = client();
    await c.call('SaslHandshake', 0, { mechanism: 'PLAIN' });
    rawToken(c, plain('alice', 'alice-secret', 'alice'));
    expect(await c.raw.next()).toEqual(Buffer.alloc(0));
    expect((await c.call('Metadata', 0, { topics: [] })).brokers).toHaveLength(1);
  });

  it('legacy v0: a SCRAM exchange in raw tokens', async () => {
    const c = client();
    await c.call('SaslHandshake', 0, { mechanism: 'SCRAM-SHA-512' });
    const scram = scramClient('sha512', 'alice', 'alice-secret');
    rawToken(c, scram.first);
    const serverFirst = await c.raw.next();
    rawToken(c, scram.final(serverFirst?.toString() ?? ''));
    expect((await c.raw.next())?.toString()).toBe(scram.expectedServerFinal());
    expect((await c.call('Metadata', 0, { topics: [] })).brokers).toHaveLength(1);
  });

  it('legacy v0: a wrong password closes the connection without an answer', async () => {
    const c = client();
    await c.call('SaslHandshake', 0, { mechanism: 'PLAIN' });
    rawToken(c, plain('alice', 'nope'));
    expect(await c.raw.next()).toBeNull();
  });

  it('answers ILLEGAL_SASL_STATE to SaslAuthenticate before a handshake, and to a second handshake', async () => {
    const early = client();
    expect((await early.call('SaslAuthenticate', 0, { authBytes: plain('alice', 'alice-secret') })).errorCode).toBe(ErrorCode.ILLEGAL_SASL_STATE);
    await early.raw.waitClosed();

    const twice = client();
    await twice.call('SaslHandshake', 1, { mechanism: 'PLAIN' });
    await twice.call('SaslAuthenticate', 0, { authBytes: plain('alice', 'alice-secret') });
    expect((await twice.call('SaslHandshake', 1, { mechanism: 'PLAIN' })).errorCode).toBe(ErrorCode.ILLEGAL_SASL_STATE);
    await twice.raw.waitClosed();
  });
});

describe('with SASL off', () => {
  it('tells a client that tries SASL that no mechanism is enabled, and keeps serving it', async () => {
    const c = client(open);
    expect(await c.call('SaslHandshake', 1, { mechanism: 'SCRAM-SHA-256' })).toEqual({ errorCode: ErrorCode.UNSUPPORTED_SASL_MECHANISM, mechanisms: [] });
    const auth = await c.call('SaslAuthenticate', 1, { authBytes: plain('alice', 'x') });
    expect(auth).toMatchObject({ errorCode: ErrorCode.ILLEGAL_SASL_STATE, errorMessage: 'SASL is not enabled on this broker' });
    expect((await c.call('Metadata', 1, { topics: null })).brokers).toHaveLength(1);
  });
});
