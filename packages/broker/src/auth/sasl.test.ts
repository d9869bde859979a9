import { describe, expect, it } from 'vitest';
import { UserStore, scramCredential, userCredentials } from './credentials.ts';
import { startExchange } from './sasl.ts';
import { scramClient } from './scram-client.test-util.ts';

describe('SCRAM-SHA-256', () => {
  it('accepts the exchange published in RFC 7677 section 3', async () => {
    const users = new UserStore();
    const salt = Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64');
    const sha256 = scramCredential('SCRAM-SHA-256', 'pencil', salt, 4096);
    users.set('user', { 'SCRAM-SHA-256': sha256, 'SCRAM-SHA-512': scramCredential('SCRAM-SHA-512', 'pencil') });
    const exchange = startExchange('SCRAM-SHA-256', users, () => '%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0');

    const first = await exchange.step(Buffer.from('n,,n=user,r=rOprNGfwEbeRWgbNEkqO'));
    expect(first.kind === 'challenge' && first.token.toString()).toBe('r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096');
    const final = await exchange.step(
      Buffer.from('c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ='),
    );
    expect(final).toEqual({ kind: 'success', principal: 'user', token: Buffer.from('v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=') });
  });
});

describe.each([
  ['SCRAM-SHA-256', 'sha256'],
  ['SCRAM-SHA-512', 'sha512'],
] as const)('%s', (mechanism, hash) => {
  const users = UserStore.fromPasswords({ alice: 'wonderland' });

  it('authenticates the right password', async () => {
    const client = scramClient(hash, 'alice', 'wonderland');
    const exchange = startExchange(mechanism, users);
    const first = await exchange.step(client.first);
    if (first.kind !== 'challenge') throw new Error(`expected a challenge, got ${first.kind}`);
    const final = await exchange.step(client.final(first.token.toString()));
    expect(final.kind === 'success' && final.token.toString()).toBe(client.expectedServerFinal());
  });

  it('refuses a wrong password and an unknown user', async () => {
    const wrong = scramClient(hash, 'alice', 'looking-glass');
    const exchange = startExchange(mechanism, users);
    const first = await exchange.step(wrong.first);
    if (first.kind !== 'challenge') throw new Error('expected a challenge');
    expect((await exchange.step(wrong.final(first.token.toString()))).kind).toBe('failure');
    expect((await startExchange(mechanism, users).step(scramClient(hash, 'mallory', 'x').first)).kind).toBe('failure');
  });

  it("accepts librdkafka 2.0's final nonce (its client nonce, then the combined one) and refuses one without the server's", async () => {
    const run = async (echoNonce: (combined: string) => string) => {
      const client = scramClient(hash, 'alice', 'wonderland', { clientNonce: 'abc', echoNonce });
      const exchange = startExchange(mechanism, users);
      const first = await exchange.step(client.first);
      if (first.kind !== 'challenge') throw new Error('expected a challenge');
      return (await exchange.step(client.final(first.token.toString()))).kind;
    };
    expect(await run((combined) => `abc${combined}`)).toBe('success');
    expect(await run(() => 'abc')).toBe('failure');
    expect(await run((combined) => `${combined}x`)).toBe('failure');
  });

  it('refuses channel binding and garbage', async () => {
    expect((await startExchange(mechanism, users).step(Buffer.from('p=tls-unique,,n=alice,r=abc'))).kind).toBe('failure');
    expect((await startExchange(mechanism, users).step(Buffer.from([0xff, 0, 1]))).kind).toBe('failure');
  });
});

describe('PLAIN', () => {
  const users = UserStore.fromPasswords({ alice: 'wonderland' });
  const token = (...parts: string[]) => Buffer.from(parts.join('\u0000'));

  it('accepts the right password and refuses others', async () => {
    expect(await startExchange('PLAIN', users).step(token('', 'alice', 'wonderland'))).toMatchObject({ kind: 'success', principal: 'alice' });
    expect((await startExchange('PLAIN', users).step(token('', 'alice', 'nope'))).kind).toBe('failure');
    expect((await startExchange('PLAIN', users).step(token('', 'bob', 'wonderland'))).kind).toBe('failure');
    expect((await startExchange('PLAIN', users).step(token('eve', 'alice', 'wonderland'))).kind).toBe('failure');
    expect((await startExchange('PLAIN', users).step(Buffer.from('alice'))).kind).toBe('failure');
  });

  it('answers concurrent attempts each with its own verdict (they are checked one at a time, off the event loop)', async () => {
    const attempts = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 'wonderland' : `guess-${i}`));
    const steps = await Promise.all(attempts.map((password) => startExchange('PLAIN', users).step(token('', 'alice', password))));
    expect(steps.map((s) => s.kind)).toEqual(attempts.map((p) => (p === 'wonderland' ? 'success' : 'failure')));
  });

  it('keeps no password in memory, only salted keys', async () => {
    const credentials = userCredentials('wonderland');
    expect(JSON.stringify(credentials)).not.toContain('wonderland');
    expect(credentials['SCRAM-SHA-256'].salt.length).toBe(32);
  });
});
